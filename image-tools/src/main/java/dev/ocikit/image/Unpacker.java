package dev.ocikit.image;

import dev.ocikit.check.Finding;
import dev.ocikit.image.bundle.ImageQuery;
import dev.ocikit.image.bundle.ImageResolver;
import dev.ocikit.image.bundle.Progress;
import dev.ocikit.image.bundle.ResolvedImage;
import dev.ocikit.image.bundle.UnpackedImage;
import dev.ocikit.image.bundle.VerifiedLayers;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.layout.LayoutDirectory;
import dev.ocikit.image.tar.TarLimits;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.image.unpack.UnpackCancelledException;
import dev.ocikit.image.unpack.UnpackOptions;
import dev.ocikit.image.unpack.UnpackResult;
import dev.ocikit.image.verify.LayoutValidation;
import dev.ocikit.spec.file.IoErrors;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Unpacks one image of an OCI image layout directory or archive into {@code dest/rootfs}.
 *
 * <pre>{@code
 * UnpackedImage u = Unpacker.unpack(Path.of("img"), "v1", Path.of("out"), UnpackOptions.defaults());
 * }</pre>
 *
 * <p>The image is chosen by reference ({@code org.opencontainers.image.ref.name}, or {@code
 * @sha256:…} for a digest) and platform, walking nested indexes. Each layer is read once: its blob
 * digest and size are verified on the stream, it is decompressed, its DiffID is checked against
 * the config's {@code rootfs.diff_ids}, and its tar entries are applied by {@link LayerApplier}.
 * Any mismatch fails the unpack and no {@code dest/rootfs} is left behind.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md">image-spec
 *     layers</a>
 *
 * <p>Thread-safe: the methods are static and share no mutable state, so different images may be
 * unpacked to different destinations at once. Two calls with the same {@code dest} at once are not
 * supported: which one publishes {@code dest/rootfs} is undefined.
 */
public final class Unpacker {
  private Unpacker() {}

  /**
   * Unpacks the image {@code ref} names (null: the only image, else the host platform's).
   *
   * @throws dev.ocikit.image.bundle.ImageSelectionException if no single image matches
   * @throws dev.ocikit.image.unpack.UnpackException if a layer is corrupt, tampered or hostile
   * @throws dev.ocikit.image.bundle.UnsupportedImageException if the spec says to refuse the image
   *     (a {@code rootfs.type} other than {@code layers})
   * @throws IOException if the image cannot be read or {@code dest} written
   */
  public static UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options)
      throws IOException {
    return unpack(image, ImageQuery.ref(ref), dest, options, Progress.NONE);
  }

  /** As {@link #unpack(Path, String, Path, UnpackOptions)} with a platform and a listener. */
  public static UnpackedImage unpack(
      Path image, ImageQuery query, Path dest, UnpackOptions options, Progress progress)
      throws IOException {
    return unpack(image, query, dest, options, progress, (resolved, tree) -> Map.of());
  }

  /** Files published beside {@code dest/rootfs}, made from the image and its finished tree. */
  @FunctionalInterface
  public interface BundleFiles {
    /**
     * Returns plain file names and their content; see {@link LayerApplier.BundleFiles#make}.
     *
     * @param image the image being unpacked
     * @param tree its complete tree, which nobody else can reach yet
     */
    Map<String, byte[]> make(ResolvedImage image, Path tree) throws IOException;
  }

  /**
   * As {@link #unpack(Path, ImageQuery, Path, UnpackOptions, Progress)}, and publishes {@code
   * files} beside {@code dest/rootfs} with it, all or nothing (see {@link LayerApplier#unpack(List,
   * Path, UnpackOptions, LayerApplier.BundleFiles)}).
   */
  public static UnpackedImage unpack(
      Path image,
      ImageQuery query,
      Path dest,
      UnpackOptions options,
      Progress progress,
      BundleFiles files)
      throws IOException {
    try (ImageSource blobs = openImage(image, options.limits())) {
      ResolvedImage resolved = new ImageResolver(blobs).resolve(query);
      List<LayerSource> layers = VerifiedLayers.of(blobs, resolved, progress);
      long total = 0;
      for (var d : resolved.manifest().layers()) {
        total += d.size();
      }
      progress.started(layers.size(), total);
      UnpackResult r;
      try {
        r = LayerApplier.unpack(layers, dest, options, tree -> files.make(resolved, tree));
      } catch (IOException e) {
        throw unprivileged(e, options);
      }
      progress.finished();
      return new UnpackedImage(r.rootfs(), resolved, r.warnings(), r.layerEntries());
    }
  }

  /**
   * {@code e}, saying what to do when it is the host refusing a user without privileges: without
   * rootless mode every file is given its owner with chown(2) and device nodes are made with
   * mknod(2), which only root may do.
   */
  private static IOException unprivileged(IOException e, UnpackOptions options) {
    if (options.rootless()
        || "root".equals(System.getProperty("user.name"))
        || e instanceof UnpackCancelledException) {
      return e;
    }
    // chown and mknod refusals are plain FileSystemExceptions (EPERM); a denied directory is an
    // AccessDeniedException, which --rootless would not help with.
    Throwable refusal = e;
    while (refusal != null && !(refusal instanceof FileSystemException)) {
      refusal = refusal.getCause();
    }
    if (refusal == null || refusal.getClass() != FileSystemException.class) {
      return e;
    }
    return new IOException(
        IoErrors.describe(e)
            + " (not running as root: unpack rootless with --rootless, which keeps files owned by"
            + " you and makes device nodes empty files)",
        e);
  }

  /**
   * The layout directory or archive at {@code image}, which must hold an {@code oci-layout} that
   * validation accepts: the same check, refused in the same words.
   */
  private static ImageSource openImage(Path image, TarLimits limits) throws IOException {
    ImageSource source;
    try {
      source = ImageSources.open(image, limits);
    } catch (FileSystemException e) {
      throw e; // missing, a FIFO or a device, no permission: said as it is
    } catch (IOException | RuntimeException e) {
      throw new IOException(image + " is not an OCI image archive: " + IoErrors.describe(e), e);
    }
    try {
      if (source.readFile(ImageSource.OCI_LAYOUT, 1 << 16).isEmpty()) {
        throw new NoSuchFileException(
            image.toString(),
            null,
            source instanceof LayoutDirectory
                ? "not an OCI image layout (no oci-layout file)"
                : "not an OCI image archive (no oci-layout entry)");
      }
      for (Finding f : LayoutValidation.ociLayout(source)) {
        if (f.isError()) {
          throw new IOException(image + ": " + f.location() + ": " + f.message());
        }
      }
      return source;
    } catch (IOException | RuntimeException e) {
      source.close();
      throw e;
    }
  }
}
