package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;
import java.util.Map;

/**
 * config.md Linux process capabilities: "Valid values are defined in the capabilities(7) man page",
 * but "Runtimes SHOULD NOT fail if the container configuration requests capabilities that cannot be
 * granted" — so an unknown name is advice (it may be newer than this list).
 */
public final class CapabilitiesKnown implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.capabilities.known",
          Level.ADVICE,
          "Every capability name is one of capabilities(7) (CAP_CHOWN … CAP_CHECKPOINT_RESTORE).",
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
    for (Map.Entry<String, List<String>> set : CapabilityNames.sets(c).entrySet()) {
      List<String> names = set.getValue();
      for (int i = 0; i < names.size(); i++) {
        if (names.get(i) != null && !CapabilityNames.KNOWN.contains(names.get(i))) {
          ctx.report(
              INFO,
              "/process/capabilities/" + set.getKey() + "/" + i,
              "advice: process.capabilities."
                  + set.getKey()
                  + "["
                  + i
                  + "]=\""
                  + names.get(i)
                  + "\" is not a capability named in capabilities(7); runtimes will skip it");
        }
      }
    }
  }
}
