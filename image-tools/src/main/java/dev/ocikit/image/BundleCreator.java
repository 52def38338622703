package dev.ocikit.image;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes an OCI runtime bundle from an image: {@code dest/rootfs} unpacked as {@link Unpacker} does
 * and {@code dest/config.json} converted from the image config as image-spec conversion.md says, on
 * top of the Linux default of {@link dev.ocikit.generate.ConfigGenerator}. The bundle directory is
 * created with mode 0700 if missing. The config is converted from the unpacked tree while no other
 * user can reach it yet, and {@code config.json} is published right after {@code rootfs}: a failure
 * or cancellation at any point before leaves neither.
 *
 * <pre>{@code
 * BundleResult b = BundleCreator.create(Path.of("img.tar"), "v1", Path.of("b"), BundleOptions.defaults());
 * // runc run --bundle b demo
 * }</pre>
 *
 * <p>Thread-safe as {@link Unpacker} is: calls for different destinations may run at once; two
 * calls for the same {@code dest} at once are not supported.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/conversion.md">image-spec
 *     conversion.md</a>
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/bundle.md">runtime-spec
 *     bundle</a>
 */
public final class BundleCreator {
  private BundleCreator() {}

  /**
   * Creates the bundle {@code dest} from the image {@code ref} names in {@code image}.
   *
   * @param image the layout directory or archive file
   * @param ref a reference name, {@code @alg:hex} for a digest, or null
   * @param dest the bundle directory (created 0700 if missing); must hold no {@code config.json} or
   *     {@code rootfs} yet
   * @param options how to unpack and what the config says
   * @return the bundle
   * @throws ImageSelectionException if no single image matches
   * @throws ConversionException if the config cannot be converted
   * @throws UnsupportedImageException if the spec says to refuse the image
   * @throws UnpackException if a layer is corrupt, tampered or hostile
   * @throws IOException if the image cannot be read or the bundle written
   */
  public static BundleResult create(Path image, String ref, Path dest, BundleOptions options)
      throws IOException {
    return Provider.get().createBundle(image, ref, dest, options);
  }

  /**
   * Creates the bundle {@code dest} from the image {@code image} names, as {@link #create(Path,
   * String, Path, BundleOptions)}.
   *
   * @param image where the image is, e.g. {@code ImageReference.parse("oci:./layout:latest")}
   * @param dest the bundle directory (created 0700 if missing)
   * @param options how to unpack and what the config says
   * @return the bundle
   * @throws IOException if the path is not what the transport says ({@link
   *     ImageReference#kindMismatch()}), or as {@link #create(Path, String, Path, BundleOptions)}
   */
  public static BundleResult create(ImageReference image, Path dest, BundleOptions options)
      throws IOException {
    String mismatch = image.kindMismatch();
    if (mismatch != null) {
      throw new IOException(mismatch);
    }
    return create(image.path(), image.ref(), dest, options);
  }
}
