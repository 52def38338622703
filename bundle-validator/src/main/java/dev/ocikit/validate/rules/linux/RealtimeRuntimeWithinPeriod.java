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
 * No spec sentence: cpu.realtimeRuntime is the part of each cpu.realtimePeriod that real-time tasks
 * may run; the kernel refuses (EINVAL) a cpu.rt_runtime_us longer than cpu.rt_period_us. -1 means
 * no limit and is not compared.
 */
public final class RealtimeRuntimeWithinPeriod implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.cpu.realtime-runtime-within-period",
          Level.ADVICE,
          "cpu.realtimeRuntime is not longer than cpu.realtimePeriod when both are set.",
          SpecLinks.configLinux("cpu"),
          Platform.LINUX);

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
    Long runtime = cpu.realtimeRuntime();
    BigInteger period = cpu.realtimePeriod();
    if (runtime != null && period != null && runtime >= 0 && period.signum() > 0) {
      if (BigInteger.valueOf(runtime).compareTo(period) > 0) {
        ctx.report(
            INFO,
            "/linux/resources/cpu/realtimeRuntime",
            "advice: linux.resources.cpu.realtimeRuntime="
                + runtime
                + " is longer than linux.resources.cpu.realtimePeriod="
                + period
                + "; the kernel refuses a real-time runtime longer than its period");
      }
    }
  }
}
