package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Rlimit;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;
import java.util.HashMap;
import java.util.Map;

/**
 * config.md POSIX process rlimits: "If rlimits contains duplicated entries with same type, the
 * runtime MUST generate an error."
 */
public final class RlimitsUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.rlimits.unique",
          Level.MUST,
          "No two process.rlimits entries have the same type.",
          SpecLinks.config("posix-process"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null || p.rlimits() == null || !PathForms.isPosix(ctx.platform())) {
      return;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < p.rlimits().size(); i++) {
      Rlimit r = p.rlimits().get(i);
      if (r == null || r.type() == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(r.type(), i);
      if (earlier != null) {
        ctx.report(
            INFO,
            "/process/rlimits/" + i + "/type",
            "process.rlimits["
                + i
                + "].type=\""
                + r.type()
                + "\" repeats process.rlimits["
                + earlier
                + "].type");
      }
    }
  }
}
