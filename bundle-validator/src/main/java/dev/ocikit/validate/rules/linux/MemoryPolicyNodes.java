package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxMemoryPolicy;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.CpuLists;

/**
 * config-linux.md memoryPolicy nodes: "This is a comma-separated list, with dashes to represent
 * ranges. For example, 0-3,7". No RFC 2119 keyword, so SHOULD (as cpu.mems).
 */
public final class MemoryPolicyNodes implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.memory-policy.nodes-list",
          Level.SHOULD,
          "memoryPolicy.nodes is a node list like 0-3,7.",
          SpecLinks.configLinux("memory-policy"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxMemoryPolicy mp =
        ctx.config().linux() == null ? null : ctx.config().linux().memoryPolicy();
    if (mp == null || mp.nodes() == null) {
      return;
    }
    CpuLists.problem(mp.nodes())
        .ifPresent(
            why ->
                ctx.report(
                    INFO,
                    "/linux/memoryPolicy/nodes",
                    "linux.memoryPolicy.nodes=\"" + mp.nodes() + "\" " + why));
  }
}
