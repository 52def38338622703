package dev.ocikit.validate.rules.annotations;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * config.md annotations: "Keys SHOULD be named using a reverse domain notation - e.g.
 * com.example.myKey."
 */
public final class ReverseDomain implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "annotations.key.reverse-domain",
          Level.SHOULD,
          "Annotation keys start with a reverse domain name, e.g. com.example.myKey.",
          SpecLinks.config("annotations"),
          Platform.ALL);

  /** At least two dot-separated DNS labels at the start; anything may follow. */
  private static final Pattern REVERSE_DOMAIN =
      Pattern.compile("^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\\.[A-Za-z0-9_-]+)+.*$");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Map<String, String> annotations = ctx.config().annotations();
    if (annotations == null) {
      return;
    }
    for (String key : annotations.keySet()) {
      if (!REVERSE_DOMAIN.matcher(key).matches()) {
        ctx.report(
            INFO,
            JsonPointers.child("/annotations", key),
            "annotation key \"" + key + "\" does not start with a reverse domain name");
      }
    }
  }
}
