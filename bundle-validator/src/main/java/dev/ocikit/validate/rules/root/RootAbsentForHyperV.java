package dev.ocikit.validate.rules.root;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/** config.md root: "For Hyper-V Containers, this field MUST NOT be set." */
public final class RootAbsentForHyperV implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "root.hyperv.absent",
          Level.MUST,
          "A Windows Hyper-V container (windows.hyperv set) has no root.",
          SpecLinks.config("root"),
          Platform.WINDOWS);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    RuntimeConfig c = ctx.config();
    if (c.root() != null && c.windows() != null && c.windows().hyperv() != null) {
      ctx.report(INFO, "/root", "root is set but windows.hyperv makes this a Hyper-V container");
    }
  }
}
