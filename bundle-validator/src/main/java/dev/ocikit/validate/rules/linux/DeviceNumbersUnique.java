package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * config-linux.md devices: "The same type, major and minor SHOULD NOT be used for multiple
 * devices." FIFOs (type p) have no numbers and are left out; an entry repeated at the same path is
 * one device listed twice (linux.devices.path.unique allows it).
 */
public final class DeviceNumbersUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.devices.numbers.unique",
          Level.SHOULD,
          "No two linux.devices entries share type, major and minor.",
          SpecLinks.configLinux("devices"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<LinuxDevice> devices =
        ctx.config().linux() == null ? null : ctx.config().linux().devices();
    if (devices == null) {
      return;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < devices.size(); i++) {
      LinuxDevice d = devices.get(i);
      if (d == null || d.type() == null || d.major() == null || d.minor() == null) {
        continue;
      }
      if (d.type().value().equals("p")) {
        continue;
      }
      String key = d.type().value() + " " + d.major() + ":" + d.minor();
      Integer before = first.putIfAbsent(key, i);
      if (before != null && !Objects.equals(devices.get(before).path(), d.path())) {
        ctx.report(
            INFO,
            "/linux/devices/" + i,
            "linux.devices["
                + i
                + "] ("
                + d.path()
                + ") is "
                + key
                + ", the same device as linux.devices["
                + before
                + "] ("
                + devices.get(before).path()
                + ")");
      }
    }
  }
}
