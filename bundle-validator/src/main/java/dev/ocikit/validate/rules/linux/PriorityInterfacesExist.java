package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxInterfacePriority;
import dev.ocikit.spec.runtime.LinuxNetwork;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.List;
import java.util.Set;

/**
 * config-linux.md network priorities name: "interface name in runtime network namespace". The
 * kernel refuses a net_prio.ifpriomap line for an unknown interface; advice, since interfaces come
 * and go.
 */
public final class PriorityInterfacesExist extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.network.priorities.interfaces",
          Level.ADVICE,
          "Every linux.resources.network.priorities name is a network interface of this host.",
          SpecLinks.configLinux("network"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    var r = ctx.resources();
    LinuxNetwork n = r == null ? null : r.network();
    List<LinuxInterfacePriority> ps = n == null ? null : n.priorities();
    Set<String> present = ps == null || ps.isEmpty() ? null : host.networkInterfaces().orElse(null);
    if (present == null) {
      return;
    }
    for (int i = 0; i < ps.size(); i++) {
      LinuxInterfacePriority p = ps.get(i);
      if (p != null && p.name() != null && !present.contains(p.name())) {
        ctx.report(
            INFO,
            "/linux/resources/network/priorities/" + i + "/name",
            "advice: linux.resources.network.priorities["
                + i
                + "].name=\""
                + p.name()
                + "\" is not a network interface of this host");
      }
    }
  }
}
