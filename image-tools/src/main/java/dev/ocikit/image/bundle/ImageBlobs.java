package dev.ocikit.image.bundle;

import dev.ocikit.spec.digest.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The little this package needs from an image layout: its {@code index.json} and raw blobs by
 * digest. Callers verify what they read. Kept tiny so that it can be backed by the shared {@code
 * ImageSource} of {@code dev.ocikit.image.layout} (to be unified with it).
 */
public interface ImageBlobs extends Closeable {
  /** A label for messages: the directory or archive path. */
  String describe();

  /**
   * Reads {@code index.json}, at most {@code maxBytes}.
   *
   * @throws NoSuchFileException if the layout has none
   */
  byte[] readIndex(long maxBytes) throws IOException;

  /**
   * Opens the raw bytes of {@code blobs/<alg>/<encoded>}.
   *
   * @throws NoSuchFileException if the blob is missing
   */
  InputStream openBlob(Digest digest) throws IOException;

  /**
   * Opens a layout directory, or an archive for a regular file.
   *
   * @throws NoSuchFileException if {@code image} does not exist
   */
  static ImageBlobs open(Path image) throws IOException {
    if (Files.isDirectory(image)) {
      return new LayoutDirectoryBlobs(image);
    }
    if (!Files.exists(image)) {
      throw new NoSuchFileException(image.toString(), null, "no such file or directory");
    }
    return new ArchiveBlobs(image);
  }

  /** The layout path of a blob, {@code blobs/<alg>/<encoded>}. */
  static String blobPath(Digest digest) {
    return "blobs/" + digest.algorithm().name() + "/" + digest.encoded();
  }
}
