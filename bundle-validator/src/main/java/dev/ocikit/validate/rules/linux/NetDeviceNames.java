package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.spec.runtime.LinuxNetDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * config-linux.md netDevices: keys and name values are network device names. The spec gives no
 * form, but the kernel does (dev_valid_name): 1 to 15 bytes, not "." or "..", no "/", ":" or
 * whitespace; a new name may carry the %d template. Advice.
 */
public final class NetDeviceNames implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.net-devices.name-form",
          Level.ADVICE,
          "linux.netDevices keys and names are valid Linux interface names (1-15 bytes, no /, :"
              + " or space).",
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
    for (Map.Entry<String, LinuxNetDevice> e : devices.entrySet()) {
      String at = JsonPointers.child("/linux/netDevices", e.getKey());
      problem(e.getKey()).ifPresent(why -> report(ctx, at, "key \"" + e.getKey() + "\" " + why));
      String name = e.getValue() == null ? null : e.getValue().name();
      if (name != null) {
        problem(name.replace("%d", "0"))
            .ifPresent(why -> report(ctx, at + "/name", "name \"" + name + "\" " + why));
      }
    }
  }

  private static void report(ConfigContext ctx, String pointer, String what) {
    ctx.report(INFO, pointer, "advice: linux.netDevices " + what + "; the kernel refuses it");
  }

  /** What makes {@code name} an invalid interface name, per the kernel's dev_valid_name. */
  static Optional<String> problem(String name) {
    int bytes = name.getBytes(StandardCharsets.UTF_8).length;
    if (bytes == 0 || bytes > 15) {
      return Optional.of("is " + bytes + " bytes long (1 to 15 allowed)");
    }
    if (name.equals(".") || name.equals("..")) {
      return Optional.of("is not a name");
    }
    for (char c : name.toCharArray()) {
      if (c == '/' || c == ':' || Character.isWhitespace(c)) {
        return Optional.of("contains '" + c + "'");
      }
    }
    return Optional.empty();
  }
}
