package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Scheduler;
import dev.ocikit.spec.runtime.SchedulerPolicy;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.math.BigInteger;

/**
 * config.md Linux process scheduler lists the fields but no ranges; sched_setattr(2) does:
 * SCHED_FIFO and SCHED_RR need a priority of 1 to 99 (unset means 0), other policies need 0, nice
 * is clamped to -20..19, and SCHED_DEADLINE needs runtime ≤ deadline ≤ period. Advice: the kernel
 * refuses or changes such values.
 */
public final class SchedulerValues implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.scheduler.values",
          Level.ADVICE,
          "scheduler priority, nice and deadline times are values sched_setattr(2) accepts for the"
              + " policy.",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Scheduler s = ctx.config().process() == null ? null : ctx.config().process().scheduler();
    if (s == null || s.policy() == null || !s.policy().isKnown()) {
      return;
    }
    String policy = s.policy().value();
    boolean realtime =
        s.policy().equals(SchedulerPolicy.SCHED_FIFO)
            || s.policy().equals(SchedulerPolicy.SCHED_RR);
    int priority = s.priority() == null ? 0 : s.priority();
    if (realtime && (priority < 1 || priority > 99)) {
      report(ctx, "priority", policy + " needs priority 1 to 99 but it is " + priority);
    } else if (!realtime && priority != 0) {
      report(ctx, "priority", policy + " takes no priority (0) but it is " + priority);
    }
    if (s.nice() != null && (s.nice() < -20 || s.nice() > 19)) {
      report(ctx, "nice", "nice=" + s.nice() + " is outside -20 to 19; the kernel clamps it");
    }
    if (s.policy().equals(SchedulerPolicy.SCHED_DEADLINE)) {
      BigInteger runtime = orZero(s.runtime());
      BigInteger deadline = orZero(s.deadline());
      BigInteger period = s.period() == null || s.period().signum() == 0 ? deadline : s.period();
      if (runtime.compareTo(deadline) > 0 || deadline.compareTo(period) > 0) {
        report(
            ctx,
            "runtime",
            "SCHED_DEADLINE needs runtime ≤ deadline ≤ period but they are "
                + runtime
                + ", "
                + deadline
                + ", "
                + s.period());
      }
    }
  }

  private static BigInteger orZero(BigInteger v) {
    return v == null ? BigInteger.ZERO : v;
  }

  private static void report(ConfigContext ctx, String field, String why) {
    ctx.report(INFO, "/process/scheduler/" + field, "advice: process.scheduler: " + why);
  }
}
