package dev.ocikit.validate.rules.annotations;

import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.Level;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.SpecLinks;
import java.util.Map;

/**
 * config.md annotations: "Keys using the org.opencontainers namespace are reserved and MUST NOT be
 * used by subsequent specifications." The MUST binds specifications, not configs, so a config key
 * there that no OCI spec defines is advice. The image-spec's {@code org.opencontainers.image.*}
 * keys are defined and often copied into configs, so they pass.
 */
public final class ReservedNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "annotations.key.reserved",
          Level.ADVICE,
          "Annotation keys stay out of the reserved org.opencontainers namespace (except the"
              + " image-spec's org.opencontainers.image.* keys).",
          SpecLinks.config("annotations"),
          "all");

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
