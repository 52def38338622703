package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxCPU;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.math.BigInteger;

/**
 * config-linux.md cpu quota: "If specified with any (valid) positive value, it MUST be no smaller
 * than burst"; burst: "this value MUST be no larger than any positive quota".
 */
public final class CpuBurstWithinQuota implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.cpu.burst-within-quota",
          Level.MUST,
          "cpu.burst is no larger than a positive cpu.quota.",
          SpecLinks.configLinux("cpu"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxCPU cpu = ctx.cpu();
    if (cpu == null || cpu.quota() == null || cpu.burst() == null || cpu.quota() <= 0) {
      return;
    }
    if (cpu.burst().compareTo(BigInteger.valueOf(cpu.quota())) > 0) {
      ctx.report(
          INFO,
          "/linux/resources/cpu/burst",
          "linux.resources.cpu.burst="
              + cpu.burst()
              + " is larger than linux.resources.cpu.quota="
              + cpu.quota());
    }
  }
}
