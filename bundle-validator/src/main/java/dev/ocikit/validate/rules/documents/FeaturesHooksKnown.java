package dev.ocikit.validate.rules.documents;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * features.md hooks: "The recognized names of the hooks. The runtime MUST support the elements in
 * this array as the hooks property of config.json." A name config.json has no hook for cannot be
 * supported as one; the values are described without an RFC 2119 keyword, so SHOULD.
 */
public final class FeaturesHooksKnown implements DocumentRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "features.hooks.known",
          Level.SHOULD,
          "Every features hooks entry names a config.json hook (prestart, createRuntime, …).",
          SpecLinks.features("hooks"),
          Platform.ALL);

  private static final Set<String> HOOKS =
      Set.of(
          "prestart",
          "createRuntime",
          "createContainer",
          "startContainer",
          "poststart",
          "poststop");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.RUNTIME_FEATURES;
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode hooks = document.root().path("hooks");
    for (int i = 0; hooks.isArray() && i < hooks.size(); i++) {
      JsonNode h = hooks.get(i);
      if (h.isString() && !HOOKS.contains(h.asString())) {
        sink.report(
            INFO,
            document,
            "/hooks/" + i,
            "hooks[" + i + "]=\"" + h.asString() + "\" is not a hook of config.json");
      }
    }
  }
}
