package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.spec.runtime.LinuxRdma;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Map;

/**
 * config-linux.md rdma: "You MUST specify at least one of the hcaHandles or hcaObjects in a given
 * entry, and MAY specify both."
 */
public final class RdmaLimitSet implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.rdma.limit-set",
          Level.MUST,
          "Every linux.resources.rdma entry sets hcaHandles, hcaObjects or both.",
          SpecLinks.configLinux("rdma"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var r = ctx.resources();
    Map<String, LinuxRdma> rdma = r == null ? null : r.rdma();
    if (rdma == null) {
      return;
    }
    for (Map.Entry<String, LinuxRdma> e : rdma.entrySet()) {
      LinuxRdma v = e.getValue();
      if (v != null
          && v.hcaHandles() == null
          && v.hcaObjects() == null
          && !v.otherProperties().containsKey("hcaHandles")
          && !v.otherProperties().containsKey("hcaObjects")) {
        ctx.report(
            INFO,
            JsonPointers.child("/linux/resources/rdma", e.getKey()),
            "linux.resources.rdma[\"" + e.getKey() + "\"] sets neither hcaHandles nor hcaObjects");
      }
    }
  }
}
