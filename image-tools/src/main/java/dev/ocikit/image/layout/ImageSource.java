package dev.ocikit.image.layout;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.VerifyingInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;

/**
 * The small core every OCI image layout source implements: the top-level files, blobs by digest and
 * the list of blob files and what {@code blobs} itself is. Verification, the descriptor walk and
 * the checks are shared code on top of it; a new source (a directory, an archive, a registry cache)
 * only implements these five methods.
 *
 * <p>Implementations are safe for concurrent {@link #openBlob(Digest)} calls.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md">
 *     image-spec: image layout</a>
 */
public interface ImageSource extends Closeable {
  /** The name of the {@code oci-layout} marker file. */
  String OCI_LAYOUT = "oci-layout";

  /** The name of the layout's entry-point index. */
  String INDEX_JSON = "index.json";

  /** {@return a label for messages, e.g. the directory or archive path} */
  String describe();

  /**
   * Reads a regular file at the root of the layout ({@link #OCI_LAYOUT} or {@link #INDEX_JSON}).
   *
   * @return empty when the file does not exist
   * @throws UnsafeBlobException when it exists but is not a regular file
   * @throws IOException when it is larger than {@code maxBytes} or cannot be read
   */
  Optional<byte[]> readFile(String name, long maxBytes) throws IOException;

  /**
   * Opens the raw bytes of {@code blobs/<alg>/<encoded>}; the caller verifies them.
   *
   * @throws NoSuchFileException when the blob is missing
   * @throws UnsafeBlobException when it exists but is not exactly one regular file
   */
  InputStream openBlob(Digest digest) throws IOException;

  /** {@return every entry under {@code blobs/}, sorted by path} */
  List<BlobFile> blobFiles() throws IOException;

  /**
   * What {@code blobs} at the root of the layout is, or empty when there is none (image-layout.md:
   * the directory must exist, though it may be empty). An archive holds the directory implicitly
   * when it has entries under {@code blobs/} but no entry for the directory itself.
   */
  Optional<BlobFile.Kind> blobsDirectory() throws IOException;

  /**
   * Opens a blob through a {@link VerifyingInputStream} checking {@code digest} and {@code size}:
   * reads stop at the size, and the digest is checked at the end of the content.
   */
  default VerifyingInputStream openBlob(Digest digest, long size) throws IOException {
    return new VerifyingInputStream(openBlob(digest), digest, size, blobPath(digest));
  }

  /** {@return the path {@code blobs/<alg>/<encoded>} where {@code digest}'s content is stored} */
  static String blobPath(Digest digest) {
    return "blobs/" + digest.algorithm().name() + "/" + digest.encoded();
  }
}
