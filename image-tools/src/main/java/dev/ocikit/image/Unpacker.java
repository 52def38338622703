package dev.ocikit.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Unpacks one image of an OCI image layout directory or archive into {@code dest/rootfs}.
 *
 * <pre>{@code
 * UnpackedImage u = Unpacker.unpack(Path.of("img"), "v1", Path.of("out"), UnpackOptions.defaults());
 * }</pre>
 *
 * <p>The image is chosen by reference ({@code org.opencontainers.image.ref.name}, or {@code
 * @sha256:…} for a digest) and {@link UnpackOptions#platform() platform}, walking nested indexes.
 * Each layer is read once: its blob digest and size are verified on the stream, it is decompressed,
 * its DiffID is checked against the config's {@code rootfs.diff_ids}, and its tar entries are
 * applied through one resolver that never follows a link out of the tree. Any mismatch fails the
 * unpack and no {@code dest/rootfs} is left behind: the tree is built where no other user can
 * reach it and renamed into place when complete ({@code docs/security.md} says what is and is not
 * defended).
 *
 * <p>Thread-safe: the methods are static and share no mutable state, so different images may be
 * unpacked to different destinations at once. Two calls with the same {@code dest} at once are not
 * supported: which one publishes {@code dest/rootfs} is undefined.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md">image-spec
 *     layers</a>
 */
public final class Unpacker {
  private Unpacker() {}

  /**
   * Unpacks the image {@code ref} names (null: the only image, else the one of {@link
   * UnpackOptions#platform()}, else the host platform's).
   *
   * @param image the layout directory or archive file
   * @param ref a reference name, {@code @alg:hex} for a digest, or null
   * @param dest the directory to unpack into (created 0700 if missing); gets {@code rootfs}
   * @param options how to pick and apply the image
   * @return the unpacked image
   * @throws ImageSelectionException if no single image matches
   * @throws UnpackException if a layer is corrupt, tampered or hostile
   * @throws UnsupportedImageException if the spec says to refuse the image (a {@code rootfs.type}
   *     other than {@code layers})
   * @throws UnsafeDestinationException if another user could change {@code dest} or a directory
   *     above it
   * @throws UnpackCancelledException if {@link UnpackOptions#cancellation()} stopped it
   * @throws IOException if the image cannot be read or {@code dest} written
   */
  public static UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options)
      throws IOException {
    return Provider.get().unpack(image, ref, dest, options);
  }

  /**
   * Unpacks the image {@code image} names, as {@link #unpack(Path, String, Path, UnpackOptions)}.
   *
   * @param image where the image is, e.g. {@code ImageReference.parse("oci-archive:img.tar:v1")}
   * @param dest the directory to unpack into (created 0700 if missing); gets {@code rootfs}
   * @param options how to pick and apply the image
   * @return the unpacked image
   * @throws IOException if the path is not what the transport says ({@link
   *     ImageReference#kindMismatch()}), or as {@link #unpack(Path, String, Path, UnpackOptions)}
   */
  public static UnpackedImage unpack(ImageReference image, Path dest, UnpackOptions options)
      throws IOException {
    String mismatch = image.kindMismatch();
    if (mismatch != null) {
      throw new IOException(mismatch);
    }
    return unpack(image.path(), image.ref(), dest, options);
  }
}
