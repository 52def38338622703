package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * config-linux.md unified: "Each key in the map refers to a file in the cgroup unified hierarchy."
 * Those files are named &lt;controller&gt;.&lt;name&gt; (memory.max, cgroup.freeze,
 * hugetlb.2MB.max); a key without that form, or with a slash, names no such file. Advice.
 */
public final class UnifiedKeyForm implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.unified.key-form",
          Level.ADVICE,
          "Every linux.resources.unified key has the form <controller>.<file>, e.g. memory.max.",
          SpecLinks.configLinux("unified"),
          Platform.LINUX);

  private static final Pattern FORM = Pattern.compile("[a-z_]+\\.[A-Za-z0-9_.]+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var r = ctx.resources();
    Map<String, String> unified = r == null ? null : r.unified();
    if (unified == null) {
      return;
    }
    for (String key : unified.keySet()) {
      if (!FORM.matcher(key).matches() || key.endsWith(".")) {
        ctx.report(
            INFO,
            JsonPointers.child("/linux/resources/unified", key),
            "advice: linux.resources.unified key \""
                + key
                + "\" is not of the form <controller>.<file> and names no cgroup file");
      }
    }
  }
}
