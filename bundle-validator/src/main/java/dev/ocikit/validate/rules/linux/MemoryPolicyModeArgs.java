package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxMemoryPolicy;
import dev.ocikit.spec.runtime.LinuxMemoryPolicyFlag;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Set;

/**
 * config-linux.md memoryPolicy nodes: "Some modes require that there are no nodes, e.g.
 * MPOL_DEFAULT and MPOL_LOCAL. Others that there is at least one node, e.g. MPOL_BIND and
 * MPOL_INTERLEAVE. See set_mempolicy(2)", which also refuses MPOL_F_STATIC_NODES with
 * MPOL_F_RELATIVE_NODES. No RFC 2119 keyword, and the kernel is the judge (EINVAL): advice.
 */
public final class MemoryPolicyModeArgs implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.memory-policy.mode-args",
          Level.ADVICE,
          "memoryPolicy nodes and flags fit the mode as set_mempolicy(2) requires.",
          SpecLinks.configLinux("memory-policy"),
          Platform.LINUX);

  private static final Set<String> NO_NODES = Set.of("MPOL_DEFAULT", "MPOL_LOCAL");
  private static final Set<String> NEED_NODES =
      Set.of("MPOL_BIND", "MPOL_INTERLEAVE", "MPOL_WEIGHTED_INTERLEAVE", "MPOL_PREFERRED_MANY");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxMemoryPolicy mp =
        ctx.config().linux() == null ? null : ctx.config().linux().memoryPolicy();
    if (mp == null || mp.mode() == null) {
      return;
    }
    String mode = mp.mode().value();
    boolean hasNodes = mp.nodes() != null && !mp.nodes().isEmpty();
    if (NO_NODES.contains(mode) && hasNodes) {
      ctx.report(
          INFO,
          "/linux/memoryPolicy/nodes",
          "advice: linux.memoryPolicy.mode="
              + mode
              + " takes no nodes but nodes=\""
              + mp.nodes()
              + "\"; set_mempolicy(2) fails with EINVAL");
    } else if (NEED_NODES.contains(mode) && !hasNodes) {
      ctx.report(
          INFO,
          "/linux/memoryPolicy/mode",
          "advice: linux.memoryPolicy.mode="
              + mode
              + " needs at least one node but nodes is "
              + (mp.nodes() == null ? "unset" : "empty")
              + "; set_mempolicy(2) fails with EINVAL");
    }
    if (mp.flags() != null
        && mp.flags().contains(LinuxMemoryPolicyFlag.MPOL_F_STATIC_NODES)
        && mp.flags().contains(LinuxMemoryPolicyFlag.MPOL_F_RELATIVE_NODES)) {
      ctx.report(
          INFO,
          "/linux/memoryPolicy/flags",
          "advice: linux.memoryPolicy.flags has both MPOL_F_STATIC_NODES and"
              + " MPOL_F_RELATIVE_NODES; set_mempolicy(2) fails with EINVAL");
    }
  }
}
