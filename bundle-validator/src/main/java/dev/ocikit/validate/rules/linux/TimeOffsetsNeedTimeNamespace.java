package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.LinuxNamespaces;

/** linux.timeOffsets set the clocks of a new time namespace; without one they do nothing. */
public final class TimeOffsetsNeedTimeNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.time-namespace.time-offsets",
          Level.ADVICE,
          "linux.timeOffsets is only set when linux.namespaces has a time namespace.",
          SpecLinks.configLinux("offset-for-time-namespace"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var linux = ctx.config().linux();
    if (linux == null
        || linux.timeOffsets() == null
        || LinuxNamespaces.unreadable(ctx.config())
        || LinuxNamespaces.declares(ctx.config(), NamespaceType.TIME)) {
      return;
    }
    ctx.report(
        INFO,
        "/linux/timeOffsets",
        "advice: linux.timeOffsets is set but linux.namespaces has no time namespace");
  }
}
