package dev.ocikit.image;

import dev.ocikit.image.bundle.BundleOptions;
import dev.ocikit.image.bundle.BundleResult;
import dev.ocikit.image.bundle.ConfigConverter;
import dev.ocikit.image.bundle.ImageQuery;
import dev.ocikit.image.bundle.UnpackedImage;
import dev.ocikit.image.unpack.UnpackException;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;

/**
 * Makes an OCI runtime bundle from an image: {@code dest/rootfs} unpacked by {@link Unpacker} and
 * {@code dest/config.json} converted from the image config as image-spec conversion.md says, on top
 * of the Linux default of {@link dev.ocikit.generate.ConfigGenerator}. The bundle directory is
 * created with mode 0700 if missing. The config is converted from the unpacked tree while no other
 * user can reach it yet, and {@code config.json} is published right after {@code rootfs}: a failure
 * or cancellation at any point before leaves neither.
 *
 * <pre>{@code
 * BundleResult b = BundleCreator.create(Path.of("img.tar"), "v1", Path.of("b"), BundleOptions.defaults());
 * // runc run --bundle b demo
 * }</pre>
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/conversion.md">image-spec
 *     conversion.md</a>
 * @see <a href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/bundle.md">runtime-spec
 *     bundle</a>
 *     <p>Thread-safe as {@link Unpacker} is: calls for different destinations may run at once; two
 *     calls for the same {@code dest} at once are not supported.
 */
public final class BundleCreator {
  private BundleCreator() {}

  /**
   * Creates the bundle {@code dest} from the image {@code ref} names in {@code image}.
   *
   * @throws dev.ocikit.image.bundle.ImageSelectionException if no single image matches
   * @throws dev.ocikit.image.bundle.ConversionException if the config cannot be converted
   * @throws dev.ocikit.image.bundle.UnsupportedImageException if the spec says to refuse the image
   * @throws UnpackException if a layer is corrupt, tampered or hostile
   * @throws IOException if the image cannot be read or the bundle written
   */
  public static BundleResult create(Path image, String ref, Path dest, BundleOptions options)
      throws IOException {
    if (Files.exists(dest.resolve("config.json"), LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          dest.resolve("config.json").toString(), null, "already exists");
    }
    ImageQuery query = ImageQuery.ref(ref).withPlatform(options.platform());
    RuntimeConfig[] config = new RuntimeConfig[1];
    // Converted while the tree is still private, and published with it: no half bundle is ever
    // visible, and a conversion failure leaves nothing to remove from a tree others can reach.
    UnpackedImage u =
        Unpacker.unpack(
            image,
            query,
            dest,
            options.unpack(),
            options.progress(),
            (resolved, tree) -> {
              config[0] = ConfigConverter.convert(resolved, tree, options);
              return Map.of("config.json", OciJson.toBytes(config[0]));
            });
    return new BundleResult(dest, config[0], u);
  }
}
