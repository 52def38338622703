package dev.ocikit.validate.rules.hooks;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;
import java.util.List;
import java.util.Map;

/**
 * config.md POSIX-platform hooks path: "This specification extends the IEEE standard in that path
 * MUST be absolute."
 */
public final class HookPathAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "hooks.path.absolute",
          Level.MUST,
          "Every hook's path is absolute.",
          SpecLinks.config("posix-platform-hooks"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    for (Map.Entry<String, List<Hook>> stage : HookStages.of(ctx.config().hooks()).entrySet()) {
      List<Hook> hooks = stage.getValue();
      for (int i = 0; i < hooks.size(); i++) {
        Hook h = hooks.get(i);
        if (h != null && h.path() != null && !PathForms.isAbsolute(h.path(), ctx.platform())) {
          ctx.report(
              INFO,
              "/hooks/" + stage.getKey() + "/" + i + "/path",
              "hooks." + stage.getKey() + "[" + i + "].path=\"" + h.path() + "\" is not absolute");
        }
      }
    }
  }
}
