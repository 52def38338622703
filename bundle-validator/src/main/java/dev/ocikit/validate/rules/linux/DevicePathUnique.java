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
 * config-linux.md devices path: "If a file already exists at path that does not match the requested
 * device, the runtime MUST generate an error." Two entries for one path that ask for different
 * devices cannot both be met; identical repeats are harmless and pass.
 */
public final class DevicePathUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.devices.path.unique",
          Level.MUST,
          "No two linux.devices entries ask for different devices at the same path.",
          SpecLinks.configLinux("devices"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().linux() == null || ctx.config().linux().devices() == null) {
      return;
    }
    List<LinuxDevice> devices = ctx.config().linux().devices();
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < devices.size(); i++) {
      LinuxDevice d = devices.get(i);
      if (d == null || d.path() == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(d.path(), i);
      if (earlier != null && !sameDevice(devices.get(earlier), d)) {
        ctx.report(
            INFO,
            "/linux/devices/" + i + "/path",
            "linux.devices["
                + i
                + "] "
                + describe(d)
                + " and linux.devices["
                + earlier
                + "] "
                + describe(devices.get(earlier))
                + " both claim path \""
                + d.path()
                + "\"");
      }
    }
  }

  private static boolean sameDevice(LinuxDevice a, LinuxDevice b) {
    return Objects.equals(a.type(), b.type())
        && Objects.equals(a.major(), b.major())
        && Objects.equals(a.minor(), b.minor());
  }

  private static String describe(LinuxDevice d) {
    return "(type " + d.type() + ", " + d.major() + ":" + d.minor() + ")";
  }
}
