package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxWeightDevice;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;

/**
 * config-linux.md blockIO weightDevice: "You MUST specify at least one of weight or leafWeight in a
 * given entry, and MAY specify both."
 */
public final class WeightDeviceSet implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.block-io.weight-device",
          Level.MUST,
          "Every blockIO.weightDevice entry sets weight, leafWeight or both.",
          SpecLinks.configLinux("block-io"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var r = ctx.resources();
    List<LinuxWeightDevice> wd =
        r == null || r.blockIO() == null ? null : r.blockIO().weightDevice();
    if (wd == null) {
      return;
    }
    for (int i = 0; i < wd.size(); i++) {
      LinuxWeightDevice d = wd.get(i);
      if (d != null
          && d.weight() == null
          && d.leafWeight() == null
          && !d.otherProperties().containsKey("weight")
          && !d.otherProperties().containsKey("leafWeight")) {
        ctx.report(
            INFO,
            "/linux/resources/blockIO/weightDevice/" + i,
            "linux.resources.blockIO.weightDevice[" + i + "] sets neither weight nor leafWeight");
      }
    }
  }
}
