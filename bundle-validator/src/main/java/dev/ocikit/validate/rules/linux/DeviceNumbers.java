package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;

/** config-linux.md devices: "major, minor (int64, REQUIRED unless type is p)". */
public final class DeviceNumbers implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.devices.major-minor",
          Level.MUST,
          "A device other than a FIFO (type p) has both major and minor numbers.",
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
    for (int i = 0; i < devices.size(); i++) {
      LinuxDevice d = devices.get(i);
      if (d == null || d.type() == null || d.type().value().equals("p")) {
        continue;
      }
      boolean major = d.major() != null || d.otherProperties().containsKey("major");
      boolean minor = d.minor() != null || d.otherProperties().containsKey("minor");
      if (!major || !minor) {
        String missing = !major && !minor ? "major and minor" : !major ? "major" : "minor";
        ctx.report(
            INFO,
            "/linux/devices/" + i,
            "linux.devices["
                + i
                + "] (path \""
                + d.path()
                + "\", type "
                + d.type().value()
                + ") has no "
                + missing);
      }
    }
  }
}
