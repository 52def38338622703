package dev.ocikit.validate.rules.windows;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config.md process args: "This field is OPTIONAL on Windows, and commandLine is REQUIRED if this
 * field is omitted."
 */
public final class CommandLineRequired implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "windows.process.command-line",
          Level.MUST,
          "A Windows process without args has a commandLine.",
          SpecLinks.config("process"),
          Platform.WINDOWS);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null
        || p.args() != null
        || p.commandLine() != null
        || p.otherProperties().containsKey("args")
        || p.otherProperties().containsKey("commandLine")) {
      return;
    }
    ctx.report(INFO, "/process", "process has neither args nor commandLine");
  }
}
