package dev.ocikit.validate.rules.freebsd;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.FreeBSDDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;

/**
 * config-freebsd.md devices path: "the device path relative to /dev" (e.g. pf). No RFC 2119
 * keyword, so SHOULD: an absolute path or one with .. is not relative to /dev.
 */
public final class DevicePathRelative implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "freebsd.devices.path-relative",
          Level.SHOULD,
          "Every freebsd.devices path is relative to /dev (e.g. pf, not /dev/pf).",
          SpecLinks.configFreebsd("devices"),
          Platform.FREEBSD);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<FreeBSDDevice> devices =
        ctx.config().freebsd() == null ? null : ctx.config().freebsd().devices();
    if (devices == null) {
      return;
    }
    for (int i = 0; i < devices.size(); i++) {
      String p = devices.get(i) == null ? null : devices.get(i).path();
      if (p != null && (p.isEmpty() || p.startsWith("/") || List.of(p.split("/")).contains(".."))) {
        ctx.report(
            INFO,
            "/freebsd/devices/" + i + "/path",
            "freebsd.devices[" + i + "].path=\"" + p + "\" is not a path relative to /dev");
      }
    }
  }
}
