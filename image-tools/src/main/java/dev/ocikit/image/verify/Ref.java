package dev.ocikit.image.verify;

import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.mediatype.MediaType;
import java.util.Optional;

/**
 * A descriptor whose digest and size parsed, with the place it was found. Descriptors that do not
 * parse are left to the schema findings of the document holding them.
 *
 * @param descriptor the descriptor as written
 * @param digest its digest
 * @param size its size
 * @param mediaType its media type, or null when malformed
 * @param place where it was found
 */
record Ref(Descriptor descriptor, Digest digest, long size, MediaType mediaType, Place place) {
  static Optional<Ref> of(Descriptor d, Place place) {
    if (d == null || d.size() == null || d.size() < 0) {
      return Optional.empty();
    }
    return Digest.tryParse(d.digest())
        .map(
            digest ->
                new Ref(
                    d, digest, d.size(), MediaType.tryParse(d.mediaType()).orElse(null), place));
  }

  /** The blob's path in the layout. */
  String blobPath() {
    return ImageSource.blobPath(digest);
  }

  /** Identifies the content (digest and size) for de-duplication. */
  String key() {
    return digest + "|" + size;
  }

  /** True when the media type's essence equals {@code type}'s. */
  boolean is(MediaType type) {
    return mediaType != null && mediaType.essence().equals(type.essence());
  }

  /** How messages name the blob, e.g. {@code manifest sha256:ab12cd34ef56…}. */
  static String shortName(String what, Digest digest) {
    String e = digest.encoded();
    return what + " " + digest.algorithm() + ":" + (e.length() > 12 ? e.substring(0, 12) + "…" : e);
  }
}
