package dev.ocikit.validate.rules.image;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import tools.jackson.databind.JsonNode;

/**
 * manifest.md layers: "For portability, layers SHOULD have at least one entry." The sentence points
 * at the guidance for an empty descriptor: an artifact with nothing to carry lists that. The schema
 * accepts an empty array, so this rule alone speaks about it.
 */
public final class LayersNonEmpty implements DocumentRule {
  /** The rule, also listed in the image rule catalog. */
  public static final RuleInfo INFO =
      new RuleInfo(
          "image.manifest.layers.non-empty",
          Level.SHOULD,
          "An image manifest lists at least one layer (for portability; an artifact with no"
              + " content lists the empty descriptor).",
          SpecLinks.image("manifest.md", "image-manifest-property-descriptions"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.IMAGE_MANIFEST;
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode layers = document.root().path("layers");
    if (layers.isArray() && layers.isEmpty()) {
      sink.report(
          INFO,
          document,
          "/layers",
          "layers is empty; for portability a manifest lists at least one layer (the empty"
              + " descriptor "
              + "application/vnd.oci.empty.v1+json for an artifact with no content)");
    }
  }
}
