package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;

/**
 * config-linux.md seccomp: the filter is loaded with seccomp(2); a kernel without seccomp (no
 * Seccomp line in /proc/self/status) cannot load it. No sentence says what a runtime does then, so
 * advice.
 */
public final class SeccompKernelSupported extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.seccomp.kernel-supported",
          Level.ADVICE,
          "A config with linux.seccomp runs on a kernel that supports seccomp.",
          SpecLinks.configLinux("seccomp"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    if (ctx.config().linux() == null || ctx.config().linux().seccomp() == null) {
      return;
    }
    if (host.seccomp().orElse(true)) {
      return;
    }
    ctx.report(
        INFO,
        "/linux/seccomp",
        "advice: linux.seccomp is set but this kernel has no seccomp support (no Seccomp line in"
            + " /proc/self/status)");
  }
}
