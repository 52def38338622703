package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.mediatype.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import tools.jackson.databind.JsonNode;

/**
 * Checks that tie a descriptor to the content it points at: the document's own mediaType and
 * properties that would let one blob be read as two kinds of document (CVE-2021-41190), and the
 * empty descriptor's {@code {}}.
 */
final class DocumentChecks {
  /** A document's own mediaType equals the descriptor's (CVE-2021-41190). */
  static final RuleInfo MEDIA_TYPE_MATCHES =
      ImageRules.rule(
          "image.descriptor.media-type.matches",
          Level.MUST,
          "A manifest or index blob's own mediaType equals the mediaType of the descriptor"
              + " pointing at it (CVE-2021-41190).",
          "descriptor.md#properties");

  /** A manifest has no {@code manifests}. */
  static final RuleInfo MANIFEST_NO_MANIFESTS =
      ImageRules.rule(
          "image.manifest.no-manifests",
          Level.MUST,
          "A blob described as an image manifest has no manifests property, so it cannot be"
              + " read as an index (CVE-2021-41190).",
          "manifest.md#image-manifest-property-descriptions");

  /** An index has no {@code config} or {@code layers}. */
  static final RuleInfo INDEX_NO_MANIFEST_FIELDS =
      ImageRules.rule(
          "image.index.no-config-layers",
          Level.MUST,
          "A blob described as an image index has no config or layers property, so it cannot be"
              + " read as a manifest (CVE-2021-41190).",
          "image-index.md#image-index-property-descriptions");

  /** The empty descriptor's content is {@code {}}. */
  static final RuleInfo EMPTY_CONTENT =
      ImageRules.rule(
          "image.empty.content",
          Level.MUST,
          "Content of media type application/vnd.oci.empty.v1+json is the two bytes {}.",
          "manifest.md#guidance-for-an-empty-descriptor");

  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private final Reporter reporter;

  DocumentChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /**
   * The blob's own {@code mediaType}, when present, equals the descriptor's; a manifest has no
   * {@code manifests}, an index no {@code config} or {@code layers}.
   */
  void kind(Ref ref, JsonDocument doc) {
    JsonNode own = doc.root().path("mediaType");
    String declared = ref.descriptor().mediaType();
    if (own.isString() && !own.asString().equals(declared)) {
      reporter.at(
          MEDIA_TYPE_MATCHES,
          doc,
          "/mediaType",
          ref.blobPath()
              + " declares mediaType="
              + own.asString()
              + " but "
              + ref.place().words()
              + ".mediaType="
              + declared
              + " ("
              + ref.place().file()
              + ")");
    }
    if (ref.is(MediaType.IMAGE_MANIFEST) && doc.root().has("manifests")) {
      reporter.at(
          MANIFEST_NO_MANIFESTS,
          doc,
          "/manifests",
          ref.place().words()
              + ".mediaType="
              + declared
              + " but "
              + ref.blobPath()
              + " has a manifests property, as an index would");
    }
    if (ref.is(MediaType.IMAGE_INDEX)) {
      for (String field : new String[] {"config", "layers"}) {
        if (doc.root().has(field)) {
          reporter.at(
              INDEX_NO_MANIFEST_FIELDS,
              doc,
              "/" + field,
              ref.place().words()
                  + ".mediaType="
                  + declared
                  + " but "
                  + ref.blobPath()
                  + " has a "
                  + field
                  + " property, as a manifest would");
        }
      }
    }
  }

  /** Verified content of the empty media type is exactly {@code {}}. */
  void empty(Ref ref, byte[] content) {
    if (content != null && !Arrays.equals(content, EMPTY_JSON)) {
      String shown =
          content.length <= 40
              ? UntrustedText.quote(new String(content, StandardCharsets.UTF_8))
              : content.length + " bytes";
      reporter.at(
          EMPTY_CONTENT,
          ref.place().child("mediaType"),
          ref.place().words()
              + ".mediaType="
              + MediaType.EMPTY_JSON
              + " but "
              + ref.blobPath()
              + " holds "
              + shown
              + ", not {}");
    }
  }
}
