package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxIntelRdt;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md intelRdt closID: the name of a sub-directory of the resctrl filesystem, with "/"
 * as the special value for the default CLOS. Any other value with a slash, ".", ".." or an empty
 * string names no sub-directory of the resctrl root. Advice: the spec gives no form.
 */
public final class IntelRdtClosId implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.intel-rdt.clos-id",
          Level.ADVICE,
          "intelRdt.closID is \"/\" or one directory name (no slash, not . or ..).",
          SpecLinks.configLinux("intelrdt"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxIntelRdt rdt = ctx.config().linux() == null ? null : ctx.config().linux().intelRdt();
    String id = rdt == null ? null : rdt.closID();
    if (id == null || id.equals("/")) {
      return;
    }
    if (id.isEmpty() || id.equals(".") || id.equals("..") || id.contains("/")) {
      ctx.report(
          INFO,
          "/linux/intelRdt/closID",
          "advice: linux.intelRdt.closID=\""
              + id
              + "\" is not a single directory name under the resctrl root");
    }
  }
}
