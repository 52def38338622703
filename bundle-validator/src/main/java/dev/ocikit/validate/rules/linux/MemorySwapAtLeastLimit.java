package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * No spec sentence: memory.swap is the memory+swap limit, so a value below memory.limit cannot be
 * applied (runc refuses it: "memory+swap limit should be >= memory limit").
 */
public final class MemorySwapAtLeastLimit implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.memory.swap-at-least-limit",
          Level.ADVICE,
          "memory.swap (memory+swap) is not below memory.limit when both are set and not -1.",
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
    if (m.limit() != null && m.swap() != null && m.limit() > 0 && m.swap() > 0) {
      if (m.swap() < m.limit()) {
        ctx.report(
            INFO,
            "/linux/resources/memory/swap",
            "advice: linux.resources.memory.swap="
                + m.swap()
                + " is below linux.resources.memory.limit="
                + m.limit()
                + "; swap is the memory+swap limit and must be at least the memory limit");
      }
    }
  }
}
