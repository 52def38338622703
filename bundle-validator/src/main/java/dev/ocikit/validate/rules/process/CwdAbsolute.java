package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;

/** config.md process.cwd: "This value MUST be an absolute path." */
public final class CwdAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.cwd.absolute",
          Level.MUST,
          "process.cwd is an absolute path (on Windows, with a drive or UNC prefix).",
          SpecLinks.config("process"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null || p.cwd() == null || ctx.platform().equals("vm")) {
      return;
    }
    if (!PathForms.isAbsolute(p.cwd(), ctx.platform())) {
      ctx.report(
          INFO,
          "/process/cwd",
          "process.cwd=\"" + p.cwd() + "\" is not an absolute " + ctx.platform() + " path");
    }
  }
}
