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
 * No spec sentence: the kernel's CFS bandwidth control accepts a period of 1000 to 1000000 µs and a
 * positive quota of at least 1000 µs; other values are refused when the cgroup is written.
 */
public final class CpuQuotaPeriod implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.cpu.quota-period",
          Level.ADVICE,
          "cpu.period is 1000–1000000 µs and a positive cpu.quota is at least 1000 µs.",
          SpecLinks.configLinux("cpu"),
          Platform.LINUX);

  private static final BigInteger MIN = BigInteger.valueOf(1000);
  private static final BigInteger MAX_PERIOD = BigInteger.valueOf(1000000);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxCPU cpu = ctx.cpu();
    if (cpu == null) {
      return;
    }
    BigInteger period = cpu.period();
    // 0 leaves the period unchanged (runc, crun)
    if (period != null
        && period.signum() != 0
        && (period.compareTo(MIN) < 0 || period.compareTo(MAX_PERIOD) > 0)) {
      ctx.report(
          INFO,
          "/linux/resources/cpu/period",
          "advice: linux.resources.cpu.period="
              + period
              + " is outside the kernel's 1000–1000000 µs range");
    }
    if (cpu.quota() != null && cpu.quota() > 0 && cpu.quota() < 1000) {
      ctx.report(
          INFO,
          "/linux/resources/cpu/quota",
          "advice: linux.resources.cpu.quota="
              + cpu.quota()
              + " is below the kernel's minimum of 1000 µs");
    }
  }
}
