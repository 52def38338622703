package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.HashSet;
import java.util.List;

/**
 * No spec sentence: capabilities(7) says the effective set is a subset of the permitted set, so
 * capset(2) refuses an effective capability that is not permitted.
 */
public final class EffectiveWithinPermitted implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.capabilities.effective-within-permitted",
          Level.ADVICE,
          "Every effective capability is also in the permitted set.",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().process() == null || ctx.config().process().capabilities() == null) {
      return;
    }
    Capabilities c = ctx.config().process().capabilities();
    if (c.effective() == null) {
      return;
    }
    List<String> permitted = c.permitted() == null ? List.of() : c.permitted();
    HashSet<String> allowed = new HashSet<>(permitted);
    for (int i = 0; i < c.effective().size(); i++) {
      String cap = c.effective().get(i);
      if (cap != null && !allowed.contains(cap)) {
        ctx.report(
            INFO,
            "/process/capabilities/effective/" + i,
            "advice: process.capabilities.effective["
                + i
                + "]=\""
                + cap
                + "\" is not in process.capabilities.permitted "
                + permitted);
      }
    }
  }
}
