package dev.ocikit.image;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Location;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.ImageSources;
import dev.ocikit.image.verify.ImageValidationOptions;
import dev.ocikit.image.verify.LayoutValidation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates an OCI image layout directory or an OCI archive (the layout packed as tar, as {@code
 * skopeo copy … oci-archive:x.tar} writes it) against image-spec v1.1.1.
 *
 * <p>It checks {@code oci-layout} and {@code index.json}, blob file names, and walks every
 * descriptor reachable from the index (nested indexes, manifests, configs, layers, {@code subject},
 * artifact blobs, embedded {@code data}). Every blob is read once through a verifying stream that
 * checks its size and digest (sha256, sha512, blake3); each layer is decompressed in the same pass
 * to compute its DiffID and lint its entries. Independent blobs are verified in parallel. The
 * findings have the same shape as bundle validation, with rule ids such as {@code
 * image.blob.digest}; see {@link dev.ocikit.image.verify.ImageRules} for the catalog. A finding's
 * file is named under the path given ({@code img/index.json}, {@code img.tar!/index.json}), as a
 * bundle finding's is ({@code bundle/config.json}).
 *
 * <pre>{@code
 * ValidationResult r = new ImageValidator().validate(Path.of("img"), ImageValidationOptions.DEFAULT);
 * r.findings().forEach(f -> System.out.println(f.ruleId() + " " + f.message()));
 * }</pre>
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md">
 *     image-spec v1.1.1: image layout</a>
 *     <p>Thread-safe and stateless: one instance may validate many images from many threads at
 *     once; each call opens its own view of the image and closes it before returning.
 */
public final class ImageValidator {
  /** The result type of a layout directory. */
  public static final String TYPE_LAYOUT = "image-layout";

  /** The result type of an archive. */
  public static final String TYPE_ARCHIVE = "image-archive";

  /**
   * Validates {@code layoutOrArchive}: a directory is read as a layout, a file as an archive.
   * Findings are data; only input that cannot be read at all throws.
   *
   * @throws NoSuchFileException if the path does not exist
   * @throws dev.ocikit.image.tar.TarLimitException if the archive or a layer reached one of {@link
   *     ImageValidationOptions#limits()}: the image could not be checked within them
   * @throws IOException if an archive is not a readable tar file
   */
  public ValidationResult validate(Path layoutOrArchive, ImageValidationOptions options)
      throws IOException {
    String type = Files.isDirectory(layoutOrArchive) ? TYPE_LAYOUT : TYPE_ARCHIVE;
    try (ImageSource source = ImageSources.open(layoutOrArchive, options.limits())) {
      List<Finding> findings = new ArrayList<>();
      for (Finding f : LayoutValidation.run(source, options)) {
        findings.add(under(layoutOrArchive, type.equals(TYPE_ARCHIVE), f));
      }
      return new ValidationResult(layoutOrArchive.toString(), type, findings);
    }
  }

  /**
   * {@code f} with its file named as the user named the image, as bundle findings name {@code
   * bundle/config.json}, so that SARIF consumers can map it: {@code img/index.json} for a layout
   * directory, {@code img.tar!/index.json} (the entry inside the archive, as jar URLs write it) for
   * an archive.
   */
  private static Finding under(Path image, boolean archive, Finding f) {
    Location l = f.location();
    if (l == null || l.file() == null) {
      return f;
    }
    String base = image.toString();
    String file =
        archive ? base + "!/" + l.file() : base + (base.endsWith("/") ? "" : "/") + l.file();
    return new Finding(
        f.ruleId(),
        f.level(),
        f.severity(),
        f.message(),
        new Location(file, l.pointer(), l.line(), l.column()),
        f.specRef(),
        f.requirements());
  }

  /** Validates with {@link ImageValidationOptions#DEFAULT}. */
  public ValidationResult validate(Path layoutOrArchive) throws IOException {
    return validate(layoutOrArchive, ImageValidationOptions.DEFAULT);
  }
}
