package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Rlimit;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * No spec sentence: setrlimit(2) fails with EINVAL when soft exceeds hard, so the runtime cannot
 * apply the limit.
 */
public final class RlimitSoftWithinHard implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.rlimits.soft-within-hard",
          Level.ADVICE,
          "An rlimit's soft value does not exceed its hard value (setrlimit(2) refuses it).",
          SpecLinks.config("posix-process"),
          Platform.ALL);

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
      if (r != null && r.soft() != null && r.hard() != null && r.soft().compareTo(r.hard()) > 0) {
        ctx.report(
            INFO,
            "/process/rlimits/" + i + "/soft",
            "advice: process.rlimits["
                + i
                + "].soft="
                + r.soft()
                + " exceeds process.rlimits["
                + i
                + "].hard="
                + r.hard()
                + "; setrlimit(2) will fail");
      }
    }
  }
}
