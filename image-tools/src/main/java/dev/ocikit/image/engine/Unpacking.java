package dev.ocikit.image.engine;

import dev.ocikit.check.Finding;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.BundleResult;
import dev.ocikit.image.Progress;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.image.TarLimits;
import dev.ocikit.image.UnpackCancelledException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.bundle.ConfigConverter;
import dev.ocikit.image.bundle.ImageQuery;
import dev.ocikit.image.bundle.ImageResolver;
import dev.ocikit.image.bundle.VerifiedLayers;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.layout.LayoutDirectory;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.image.unpack.UnpackResult;
import dev.ocikit.image.verify.LayoutValidation;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.file.IoErrors;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The route of one unpack or bundle: open the image (which must hold an {@code oci-layout} that
 * validation accepts), resolve the reference and platform, verify each layer on the stream, apply
 * the layers all or nothing, and for a bundle convert the config while the tree is still private.
 */
final class Unpacking {
  private Unpacking() {}

  /** Files published beside {@code dest/rootfs}, made from the image and its finished tree. */
  @FunctionalInterface
  interface BundleFiles {
    /** See {@link LayerApplier.BundleFiles#make}. */
    Map<String, byte[]> make(ResolvedImage image, Path tree) throws IOException;
  }

  static UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options)
      throws IOException {
    return unpack(image, ref, dest, options, (resolved, tree) -> Map.of());
  }

  static BundleResult createBundle(Path image, String ref, Path dest, BundleOptions options)
      throws IOException {
    if (Files.exists(dest.resolve("config.json"), LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(
          dest.resolve("config.json").toString(), null, "already exists");
    }
    RuntimeConfig[] config = new RuntimeConfig[1];
    // Converted while the tree is still private, and published with it: no half bundle is ever
    // visible, and a conversion failure leaves nothing to remove from a tree others can reach.
    UnpackedImage u =
        unpack(
            image,
            ref,
            dest,
            options.unpack(),
            (resolved, tree) -> {
              config[0] = ConfigConverter.convert(resolved, tree, options);
              return Map.of("config.json", OciJson.toBytes(config[0]));
            });
    return new BundleResult(dest, config[0], u);
  }

  /**
   * Unpacks, and publishes {@code files} beside {@code dest/rootfs} with it, all or nothing (see
   * {@link LayerApplier#unpack(List, Path, UnpackOptions, LayerApplier.BundleFiles)}).
   */
  private static UnpackedImage unpack(
      Path image, String ref, Path dest, UnpackOptions options, BundleFiles files)
      throws IOException {
    Progress progress = options.progress();
    try (ImageSource blobs = openImage(image, options.limits())) {
      ImageQuery query = ImageQuery.ref(ref).withPlatform(options.platform());
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
