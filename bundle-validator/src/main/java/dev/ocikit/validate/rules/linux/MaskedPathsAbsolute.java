package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/** config-linux.md maskedPaths: "The values MUST be absolute paths in the container namespace." */
public final class MaskedPathsAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.masked-paths.absolute",
          Level.MUST,
          "Every linux.maskedPaths entry is an absolute path.",
          SpecLinks.configLinux("masked-paths"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().linux() != null) {
      AbsolutePathList.check(ctx, INFO, "maskedPaths", ctx.config().linux().maskedPaths());
    }
  }
}
