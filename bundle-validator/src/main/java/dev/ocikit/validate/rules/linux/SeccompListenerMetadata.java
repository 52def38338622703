package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Seccomp;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md seccomp listenerMetadata: "This field MUST NOT be set if listenerPath is not
 * set."
 */
public final class SeccompListenerMetadata implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.seccomp.listener-metadata",
          Level.MUST,
          "seccomp listenerMetadata is only set together with listenerPath.",
          SpecLinks.configLinux("seccomp"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Seccomp s = ctx.config().linux() == null ? null : ctx.config().linux().seccomp();
    if (s == null
        || s.listenerMetadata() == null
        || s.listenerPath() != null
        || s.otherProperties().containsKey("listenerPath")) {
      return;
    }
    ctx.report(
        INFO,
        "/linux/seccomp/listenerMetadata",
        "linux.seccomp.listenerMetadata is set but linux.seccomp.listenerPath is not");
  }
}
