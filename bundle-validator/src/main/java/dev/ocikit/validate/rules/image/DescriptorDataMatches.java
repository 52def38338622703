package dev.ocikit.validate.rules.image;

import dev.ocikit.check.FindingSink;
import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.EmbeddedData;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.validate.rules.DocumentRule;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * descriptor.md#embedded-content: embedded {@code data} is the content the descriptor describes,
 * and its content MUST be verified against the digest and size before use. Checked for every
 * descriptor a document holds (a descriptor document itself; a manifest's config, layers and
 * subject; an index's manifests and subject), so a manifest validated alone and one met in an image
 * layout get the same finding.
 */
public final class DescriptorDataMatches implements DocumentRule {
  /** The rule, also listed in the image rule catalog. */
  public static final RuleInfo INFO =
      new RuleInfo(
          "image.descriptor.data.matches",
          Level.MUST,
          "A descriptor's embedded data decodes to content of its size and digest.",
          SpecLinks.image("descriptor.md", "embedded-content"),
          Platform.ALL);

  private static final Set<DocumentType> TYPES =
      Set.of(DocumentType.IMAGE_DESCRIPTOR, DocumentType.IMAGE_MANIFEST, DocumentType.IMAGE_INDEX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public DocumentType documentType() {
    return DocumentType.IMAGE_MANIFEST;
  }

  @Override
  public boolean checks(DocumentType type) {
    return TYPES.contains(type);
  }

  @Override
  public void check(JsonDocument document, FindingSink sink) {
    JsonNode root = document.root();
    if (root.has("digest")) {
      descriptor(document, "", "descriptor", sink); // a descriptor document
    }
    descriptor(document, "/config", "config", sink);
    list(document, "layers", sink);
    list(document, "manifests", sink);
    descriptor(document, "/subject", "subject", sink);
  }

  private static void list(JsonDocument document, String field, FindingSink sink) {
    JsonNode items = document.root().path(field);
    for (int i = 0; items.isArray() && i < items.size(); i++) {
      descriptor(document, "/" + field + "/" + i, field + "[" + i + "]", sink);
    }
  }

  private static void descriptor(
      JsonDocument document, String pointer, String words, FindingSink sink) {
    JsonNode d = document.root().at(pointer);
    JsonNode data = d.path("data");
    JsonNode size = d.path("size");
    JsonNode digestText = d.path("digest");
    Digest digest =
        digestText.isString() ? Digest.tryParse(digestText.asString()).orElse(null) : null;
    if (!data.isString()
        || digest == null
        || !size.isIntegralNumber()
        || !size.canConvertToLong()) {
      return; // not a descriptor with data, or the schema reports a missing or malformed part
    }
    byte[] content = EmbeddedData.decode(data.asString()).orElse(null);
    if (content == null || EmbeddedData.matches(content, digest, size.longValue())) {
      return; // data that is not base64 is the schema's finding
    }
    sink.report(
        INFO,
        document,
        pointer + "/data",
        words
            + ".data decodes to "
            + EmbeddedData.describe(content, digest.algorithm())
            + " but "
            + words
            + ".size="
            + size.longValue()
            + " and .digest="
            + digest);
  }
}
