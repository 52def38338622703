package dev.ocikit.validate.rules.image;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import dev.ocikit.validate.rules.EnvEntry;
import tools.jackson.databind.JsonNode;

/**
 * config.md config.Env: "Entries are in the format of VARNAME=VARVALUE." The sentence carries no
 * RFC 2119 keyword, so this is SHOULD, as process.env.form is for the runtime config. Only the
 * shape is checked (a name, then {@code =}): the image spec, unlike the runtime spec, does not tie
 * names to POSIX's portable character set.
 */
public final class ConfigEnvForm implements DocumentRule {
  /** The rule, also listed in the image rule catalog. */
  public static final RuleInfo INFO =
      new RuleInfo(
          "image.config.env.form",
          Level.SHOULD,
          "Every config.Env entry of an image config has the form VARNAME=VARVALUE.",
          SpecLinks.image("config.md", "properties"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.IMAGE_CONFIG;
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode env = document.root().path("config").path("Env");
    for (int i = 0; env.isArray() && i < env.size(); i++) {
      JsonNode entry = env.get(i);
      if (!entry.isString()) {
        continue; // the schema reports it
      }
      int at = i;
      EnvEntry.shapeProblem(entry.asString())
          .ifPresent(
              why ->
                  sink.report(
                      INFO,
                      document,
                      "/config/Env/" + at,
                      "config.Env["
                          + at
                          + "]="
                          + UntrustedText.quote(entry.asString())
                          + " "
                          + why));
    }
  }
}
