package dev.ocikit.image.verify;

import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.json.JsonDocument;
import dev.ocikit.spec.mediatype.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/**
 * Checks that tie a descriptor to the content it points at: embedded data, the document's own
 * mediaType and properties that would let one blob be read as two kinds of document
 * (CVE-2021-41190), and the empty descriptor's {@code {}}.
 */
final class DocumentChecks {
  private static final byte[] EMPTY_JSON = "{}".getBytes(StandardCharsets.UTF_8);

  private final Reporter reporter;

  DocumentChecks(Reporter reporter) {
    this.reporter = reporter;
  }

  /** Embedded {@code data} decodes to content of the descriptor's size and digest. */
  void data(Ref ref) {
    String data = ref.descriptor().data();
    byte[] bytes;
    try {
      bytes = data == null ? null : Base64.getDecoder().decode(data);
    } catch (IllegalArgumentException notBase64) {
      return; // the schema's pattern reports it
    }
    if (bytes == null || BlobReader.embedded(ref) != null) {
      return;
    }
    String actual =
        ref.digest().algorithm().isVerifiable()
            ? " hashing to " + Digest.compute(ref.digest().algorithm(), bytes)
            : "";
    reporter.at(
        ImageRules.DATA_MATCHES,
        ref.place().child("data"),
        ref.place().words()
            + ".data decodes to "
            + bytes.length
            + " bytes"
            + actual
            + " but "
            + ref.place().words()
            + ".size="
            + ref.size()
            + " and .digest="
            + ref.digest());
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
