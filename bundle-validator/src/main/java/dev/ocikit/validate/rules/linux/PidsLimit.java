package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxPids;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md pids limit: "the maximum number of tasks in the cgroup, with -1 indicating no
 * limit (max)", and 1.3 adds that 0 "is a valid limit value ... and SHOULD be treated as such". So
 * 0 and positive values are limits and -1 is none; other negative values mean nothing in the spec
 * (runtimes before 1.3 read them as unlimited), hence advice.
 */
public final class PidsLimit implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.pids.limit",
          Level.ADVICE,
          "pids.limit is -1 (no limit) or a number of tasks (0 or more).",
          SpecLinks.configLinux("pids"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var r = ctx.resources();
    LinuxPids p = r == null ? null : r.pids();
    if (p != null && p.limit() != null && p.limit() < -1) {
      ctx.report(
          INFO,
          "/linux/resources/pids/limit",
          "advice: linux.resources.pids.limit="
              + p.limit()
              + " is neither -1 (no limit) nor a number of tasks; runtimes differ on what it"
              + " means");
    }
  }
}
