package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/** net.* sysctls are per network namespace: without one they would change the host. */
public final class NetSysctlNeedsNetworkNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.network-namespace.sysctl",
          Level.ADVICE,
          "net.* sysctls are only set when linux.namespaces has a network namespace.",
          SpecLinks.configLinux("sysctl"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    SysctlNamespaces.check(ctx, INFO, NamespaceType.NETWORK, k -> k.startsWith("net."));
  }
}
