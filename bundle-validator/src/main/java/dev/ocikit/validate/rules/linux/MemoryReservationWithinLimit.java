package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * No spec sentence: memory.reservation is a soft limit (memory.low on cgroup v2,
 * memory.soft_limit_in_bytes on v1) and memory.limit the hard one. The kernel takes a soft limit
 * above the hard limit but it can never apply: usage stops at the hard limit first. (The spec's own
 * cgroups path example has this shape.)
 */
public final class MemoryReservationWithinLimit implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.memory.reservation-within-limit",
          Level.ADVICE,
          "memory.reservation (soft limit) is not above memory.limit when both are set and not -1.",
          SpecLinks.configLinux("memory"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxMemory m = ctx.memory();
    if (m == null) {
      return;
    }
    Long limit = m.limit();
    Long reservation = m.reservation();
    if (limit != null && reservation != null && limit > 0 && reservation > limit) {
      ctx.report(
          INFO,
          "/linux/resources/memory/reservation",
          "advice: linux.resources.memory.reservation="
              + reservation
              + " is above linux.resources.memory.limit="
              + limit
              + "; usage stops at the hard limit, so this soft limit never takes effect");
    }
  }
}
