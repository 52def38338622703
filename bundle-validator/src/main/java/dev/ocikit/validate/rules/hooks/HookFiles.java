package dev.ocikit.validate.rules.hooks;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.host.Host.FileKind;
import dev.ocikit.validate.rules.ConfigContext;
import java.util.List;
import java.util.Map;

/**
 * Shared check: what the host has at each hook path that resolves in the runtime namespace. The
 * startContainer hooks resolve in the container namespace and are not looked up on the host.
 */
final class HookFiles {
  private HookFiles() {}

  static void check(ConfigContext ctx, Host host, RuleInfo rule, FileKind bad, String why) {
    String prefix = rule.level() == Level.ADVICE ? "advice: " : "";
    for (Map.Entry<String, List<Hook>> stage : HookStages.of(ctx.config().hooks()).entrySet()) {
      if (stage.getKey().equals("startContainer")) {
        continue;
      }
      List<Hook> hooks = stage.getValue();
      for (int i = 0; i < hooks.size(); i++) {
        Hook h = hooks.get(i);
        if (h != null
            && h.path() != null
            && h.path().startsWith("/")
            && host.fileAt(h.path()) == bad) {
          ctx.report(
              rule,
              "/hooks/" + stage.getKey() + "/" + i + "/path",
              prefix + "hooks." + stage.getKey() + "[" + i + "].path=\"" + h.path() + "\" " + why);
        }
      }
    }
  }
}
