package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;

/**
 * config.md process.args: "This specification extends the IEEE standard in that at least one entry
 * is REQUIRED (non-Windows)".
 */
public final class ArgsRequired implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.args.required",
          Level.MUST,
          "On POSIX platforms a process has at least one entry in args.",
          SpecLinks.config("process"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null || !PathForms.isPosix(ctx.platform())) {
      return;
    }
    if (p.args() == null && !p.otherProperties().containsKey("args")) {
      ctx.report(INFO, "/process", "process has no args; at least one entry is required");
    } else if (p.args() != null && p.args().isEmpty()) {
      ctx.report(INFO, "/process/args", "process.args is empty; at least one entry is required");
    }
  }
}
