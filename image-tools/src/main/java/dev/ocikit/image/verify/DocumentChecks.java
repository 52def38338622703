package dev.ocikit.image.verify;

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
          ImageRules.MEDIA_TYPE_MATCHES,
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
          ImageRules.MANIFEST_NO_MANIFESTS,
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
              ImageRules.INDEX_NO_MANIFEST_FIELDS,
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
          ImageRules.EMPTY_CONTENT,
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
