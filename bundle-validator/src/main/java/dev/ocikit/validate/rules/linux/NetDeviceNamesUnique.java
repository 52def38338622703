package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.spec.runtime.LinuxNetDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.HashMap;
import java.util.Map;

/**
 * config-linux.md netDevices: "If a network device with the specified name already exists in the
 * container namespace, the runtime MUST generate an error, unless the user has provided a template
 * by appending %d to the new name." Two entries that end up with the same name (name, or the host
 * name when name is unset) without the template make the second move fail.
 */
public final class NetDeviceNamesUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.net-devices.name-unique",
          Level.MUST,
          "No two linux.netDevices entries get the same name in the container (unless it uses %d).",
          SpecLinks.configLinux("network-devices"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Map<String, LinuxNetDevice> devices =
        ctx.config().linux() == null ? null : ctx.config().linux().netDevices();
    if (devices == null) {
      return;
    }
    Map<String, String> firstKey = new HashMap<>();
    for (Map.Entry<String, LinuxNetDevice> e : devices.entrySet()) {
      String name = e.getValue() == null ? null : e.getValue().name();
      String inContainer = name != null ? name : e.getKey();
      if (inContainer.contains("%d")) {
        continue;
      }
      String before = firstKey.putIfAbsent(inContainer, e.getKey());
      if (before != null) {
        String at = JsonPointers.child("/linux/netDevices", e.getKey());
        ctx.report(
            INFO,
            name != null ? at + "/name" : at,
            "linux.netDevices \""
                + e.getKey()
                + "\" would be named \""
                + inContainer
                + "\" in the container, as \""
                + before
                + "\" already is");
      }
    }
  }
}
