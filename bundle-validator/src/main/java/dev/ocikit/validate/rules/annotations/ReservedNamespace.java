package dev.ocikit.validate.rules.annotations;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.Map;

/**
 * config.md annotations: "The org.opencontainers namespace for keys is reserved for use by this
 * specification, annotations using keys in this namespace MUST be as described in this section",
 * and the section lists eight org.opencontainers.image.* keys. Tools copy other image-spec keys
 * (org.opencontainers.image.title, .source…) from image configs, so the whole image.* family
 * passes, and other keys are advice rather than MUST: which tools write them is not known well
 * enough to call them errors.
 */
public final class ReservedNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "annotations.key.reserved",
          Level.ADVICE,
          "Annotation keys stay out of the reserved org.opencontainers namespace (except the"
              + " image-spec's org.opencontainers.image.* keys).",
          SpecLinks.config("annotations"),
          Platform.ALL);

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
      if ((key.equals("org.opencontainers") || key.startsWith("org.opencontainers."))
          && !key.startsWith("org.opencontainers.image.")) {
        ctx.report(
            INFO,
            JsonPointers.child("/annotations", key),
            "advice: annotation key \""
                + key
                + "\" is in the org.opencontainers namespace, which is reserved for OCI"
                + " specifications");
      }
    }
  }
}
