package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.Map;
import java.util.Set;

/**
 * config-linux.md netDevices: the keys name devices to move from the host network namespace, and
 * "The runtime MUST check if moving the network interface to the container namespace is possible."
 * Advice here: a device missing now may be created (by a hook, or CNI) before the container is.
 */
public final class NetDevicesExist extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.net-devices.exist",
          Level.ADVICE,
          "Every linux.netDevices key names a network interface of this host (/sys/class/net).",
          SpecLinks.configLinux("network-devices"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    Map<String, ?> devices =
        ctx.config().linux() == null ? null : ctx.config().linux().netDevices();
    Set<String> present =
        devices == null || devices.isEmpty() ? null : host.networkInterfaces().orElse(null);
    if (present == null) {
      return;
    }
    for (String name : devices.keySet()) {
      if (!present.contains(name)) {
        ctx.report(
            INFO,
            JsonPointers.child("/linux/netDevices", name),
            "advice: linux.netDevices \""
                + name
                + "\" is not a network interface of this host; moving it will fail unless it is"
                + " created first");
      }
    }
  }
}
