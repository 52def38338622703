package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxHugepageLimit;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * config-linux.md hugepageLimits pageSize: "The value has the format
 * &lt;size&gt;&lt;unit-prefix&gt;B (64KB, 2MB, 1GB)", as in the hugetlb.&lt;hugepagesize&gt;.*
 * control file names. The form is given without an RFC 2119 keyword, so SHOULD.
 */
public final class HugepagePageSize implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.hugepage-limits.page-size",
          Level.SHOULD,
          "Every hugepageLimits pageSize has the form <size><unit-prefix>B, e.g. 2MB or 1GB.",
          SpecLinks.configLinux("huge-page-limits"),
          Platform.LINUX);

  private static final Pattern FORM = Pattern.compile("[1-9][0-9]*[KMGTPE]B");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var r = ctx.resources();
    List<LinuxHugepageLimit> limits = r == null ? null : r.hugepageLimits();
    if (limits == null) {
      return;
    }
    for (int i = 0; i < limits.size(); i++) {
      LinuxHugepageLimit l = limits.get(i);
      if (l != null && l.pageSize() != null && !FORM.matcher(l.pageSize()).matches()) {
        ctx.report(
            INFO,
            "/linux/resources/hugepageLimits/" + i + "/pageSize",
            "linux.resources.hugepageLimits["
                + i
                + "].pageSize=\""
                + l.pageSize()
                + "\" is not of the form <size><unit-prefix>B (e.g. 2MB)");
      }
    }
  }
}
