package dev.ocikit.image.unpack;

import dev.ocikit.spec.mediatype.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * One layer to apply: a name for messages (usually the digest), its compression and a way to open
 * its bytes. The stream is read to EOF so a wrapping verifying stream sees every byte.
 *
 * @param name how messages refer to this layer, e.g. {@code sha256:ab12...}
 * @param compression the layer's compression ({@link
 *     dev.ocikit.spec.mediatype.MediaType#compression()} of its media type), or {@link
 *     Compression#UNKNOWN} to tell it from the first bytes
 * @param opener opens a fresh stream of the blob; the applier closes it
 */
public record LayerSource(String name, Compression compression, Opener opener) {

  /** Opens the blob bytes. */
  @FunctionalInterface
  public interface Opener {
    /** {@return a new stream positioned at the first byte of the blob} */
    InputStream open() throws IOException;
  }

  // Checks that no component is null.
  public LayerSource {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(opener, "opener");
  }
}
