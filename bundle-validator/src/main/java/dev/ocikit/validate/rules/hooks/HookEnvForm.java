package dev.ocikit.validate.rules.hooks;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Hook;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.EnvEntry;
import java.util.List;
import java.util.Map;

/**
 * config.md POSIX-platform hooks env: "with the same semantics as IEEE Std 1003.1-2008's environ".
 * No RFC 2119 keyword, so SHOULD (as process.env.form).
 */
public final class HookEnvForm implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "hooks.env.form",
          Level.SHOULD,
          "Every hook env entry has the form KEY=value with a portable key.",
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
        if (h == null || h.env() == null) {
          continue;
        }
        for (int j = 0; j < h.env().size(); j++) {
          String entry = h.env().get(j);
          String where = "hooks." + stage.getKey() + "[" + i + "].env[" + j + "]";
          String pointer = "/hooks/" + stage.getKey() + "/" + i + "/env/" + j;
          EnvEntry.problem(entry)
              .ifPresent(why -> ctx.report(INFO, pointer, where + "=\"" + entry + "\" " + why));
        }
      }
    }
  }
}
