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

/**
 * Makes an OCI runtime bundle from an image: {@code dest/rootfs} unpacked by {@link Unpacker} and
 * {@code dest/config.json} converted from the image config as image-spec conversion.md says, on top
 * of the Linux default of {@link dev.ocikit.generate.ConfigGenerator}. The bundle directory is
 * created with mode 0700 and the config written atomically; if the conversion fails the unpacked
 * root filesystem is removed again, so no half bundle is left.
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
 */
public final class BundleCreator {
  private BundleCreator() {}

  /**
   * Creates the bundle {@code dest} from the image {@code ref} names in {@code image}.
   *
   * @throws dev.ocikit.image.bundle.ImageSelectionException if no single image matches
   * @throws dev.ocikit.image.bundle.ConversionException if the config cannot be converted
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
    UnpackedImage u = Unpacker.unpack(image, query, dest, options.unpack(), options.progress());
    try {
      RuntimeConfig config = ConfigConverter.convert(u.image(), u.rootfs(), options);
      OciJson.write(dest.resolve("config.json"), config);
      return new BundleResult(dest, config, u);
    } catch (IOException | RuntimeException e) {
      removeQuietly(u.rootfs(), e);
      throw e;
    }
  }

  private static void removeQuietly(Path rootfs, Exception failure) {
    try (var walk = Files.walk(rootfs)) {
      walk.sorted(java.util.Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  failure.addSuppressed(e);
                }
              });
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }
}
