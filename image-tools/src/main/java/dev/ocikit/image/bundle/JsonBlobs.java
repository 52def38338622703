package dev.ocikit.image.bundle;

import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.InvalidDigestException;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.json.JsonLimits;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.JsonShapeException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/** Reads small JSON blobs (indexes, manifests, configs) through a verifying stream. */
final class JsonBlobs {
  /** Largest JSON document read: the strict reader's limit, the one validation applies too. */
  static final long MAX_JSON_BYTES = JsonLimits.DEFAULT.maxDocumentBytes();

  private JsonBlobs() {}

  static Digest digestOf(Descriptor d, String where) throws IOException {
    if (d.digest() == null || d.size() == null || d.size() < 0) {
      throw new IOException(where + " lacks a digest or a size");
    }
    try {
      return Digest.parse(d.digest());
    } catch (InvalidDigestException e) {
      throw new IOException(where + ".digest: " + e.getMessage(), e);
    }
  }

  static <T> T read(ImageSource blobs, Descriptor d, String where, Function<JsonNode, T> binder)
      throws IOException {
    Digest digest = digestOf(d, where);
    if (d.size() > MAX_JSON_BYTES) {
      throw new IOException(where + ".size=" + d.size() + " exceeds " + MAX_JSON_BYTES + " bytes");
    }
    String label = where + " " + ImageSource.blobPath(digest);
    byte[] bytes;
    try (InputStream in =
        new VerifyingInputStream(blobs.openBlob(digest), digest, d.size(), label)) {
      bytes = in.readAllBytes();
    }
    return parse(bytes, label, binder);
  }

  static <T> T parse(byte[] bytes, String label, Function<JsonNode, T> binder) throws IOException {
    try {
      return binder.apply(StrictJson.reader().read(bytes, label).root());
    } catch (JsonShapeException e) {
      throw new IOException(label + ": " + e.getMessage(), e);
    }
  }
}
