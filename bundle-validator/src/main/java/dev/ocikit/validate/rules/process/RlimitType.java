package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Rlimit;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Set;

/**
 * config.md POSIX process rlimits type: "Linux: valid values are defined in the getrlimit(2) man
 * page … The runtime MUST generate an error for any values which cannot be mapped to a relevant
 * kernel interface."
 */
public final class RlimitType implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.rlimits.type",
          Level.MUST,
          "Every process.rlimits type is a Linux resource named in getrlimit(2).",
          SpecLinks.config("posix-process"),
          Platform.LINUX);

  /** getrlimit(2), Linux 6.x. */
  static final Set<String> LINUX =
      Set.of(
          "RLIMIT_AS",
          "RLIMIT_CORE",
          "RLIMIT_CPU",
          "RLIMIT_DATA",
          "RLIMIT_FSIZE",
          "RLIMIT_LOCKS",
          "RLIMIT_MEMLOCK",
          "RLIMIT_MSGQUEUE",
          "RLIMIT_NICE",
          "RLIMIT_NOFILE",
          "RLIMIT_NPROC",
          "RLIMIT_RSS",
          "RLIMIT_RTPRIO",
          "RLIMIT_RTTIME",
          "RLIMIT_SIGPENDING",
          "RLIMIT_STACK");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null || p.rlimits() == null) {
      return;
    }
    for (int i = 0; i < p.rlimits().size(); i++) {
      Rlimit r = p.rlimits().get(i);
      if (r != null && r.type() != null && !LINUX.contains(r.type())) {
        ctx.report(
            INFO,
            "/process/rlimits/" + i + "/type",
            "process.rlimits[" + i + "].type=\"" + r.type() + "\" is not a Linux resource limit");
      }
    }
  }
}
