package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md readonlyPaths: "The values MUST be absolute paths in the container namespace."
 */
public final class ReadonlyPathsAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.readonly-paths.absolute",
          Level.MUST,
          "Every linux.readonlyPaths entry is an absolute path.",
          SpecLinks.configLinux("readonly-paths"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().linux() != null) {
      AbsolutePathList.check(ctx, INFO, "readonlyPaths", ctx.config().linux().readonlyPaths());
    }
  }
}
