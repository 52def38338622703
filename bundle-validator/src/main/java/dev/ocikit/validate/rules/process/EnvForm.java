package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.EnvEntry;

/**
 * config.md process.env: "with the same semantics as IEEE Std 1003.1-2008's environ", whose entries
 * have the form name=value. The sentence has no RFC 2119 keyword, so the rule is SHOULD (see
 * docs/rules.md).
 */
public final class EnvForm implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.env.form",
          Level.SHOULD,
          "Every process.env entry has the form KEY=value with a portable key.",
          SpecLinks.config("process"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    if (p == null || p.env() == null) {
      return;
    }
    for (int i = 0; i < p.env().size(); i++) {
      String entry = p.env().get(i);
      int at = i;
      EnvEntry.problem(entry)
          .ifPresent(
              why ->
                  ctx.report(
                      INFO,
                      "/process/env/" + at,
                      "process.env[" + at + "]=\"" + entry + "\" " + why));
    }
  }
}
