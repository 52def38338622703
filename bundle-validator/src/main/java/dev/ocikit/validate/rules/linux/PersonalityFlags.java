package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxPersonality;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md personality flags: "Currently no flag values are supported." With config.md
 * "Runtimes MUST generate an error when invalid or unsupported values are encountered", any flag is
 * an error. (The domain's two values are the schema's enum.)
 */
public final class PersonalityFlags implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.personality.flags",
          Level.MUST,
          "linux.personality.flags is absent or empty (no flag values are defined).",
          SpecLinks.configLinux("personality"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxPersonality p = ctx.config().linux() == null ? null : ctx.config().linux().personality();
    if (p != null && p.flags() != null && !p.flags().isEmpty()) {
      ctx.report(
          INFO,
          "/linux/personality/flags/0",
          "linux.personality.flags[0]=\""
              + p.flags().get(0)
              + "\" but runtime-spec defines no personality flags");
    }
  }
}
