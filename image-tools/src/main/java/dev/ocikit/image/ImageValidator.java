package dev.ocikit.image;

import dev.ocikit.check.ValidationResult;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
 * image.blob.digest}; {@code oci-tool explain --list} and {@code docs/rules.md} list them. A
 * finding's file is named under the path given ({@code img/index.json}, {@code
 * img.tar!/index.json}), as a bundle finding's is ({@code bundle/config.json}).
 *
 * <pre>{@code
 * ValidationResult r = ImageValidator.validate(Path.of("img"), ImageValidationOptions.DEFAULT);
 * r.findings().forEach(f -> System.out.println(f.ruleId() + " " + f.message()));
 * }</pre>
 *
 * <p>Thread-safe and stateless: many images may be validated from many threads at once; each call
 * opens its own view of the image and closes it before returning.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md">
 *     image-spec v1.1.1: image layout</a>
 */
public final class ImageValidator {
  /** The result type of a layout directory. */
  public static final String TYPE_LAYOUT = "image-layout";

  /** The result type of an archive. */
  public static final String TYPE_ARCHIVE = "image-archive";

  private ImageValidator() {}

  /**
   * Validates {@code layoutOrArchive}: a directory is read as a layout, a file as an archive.
   * Findings are data; only input that cannot be read at all throws.
   *
   * @param layoutOrArchive the layout directory or archive file
   * @param options how to validate
   * @return the findings
   * @throws NoSuchFileException if the path does not exist
   * @throws IOException if an archive is not a readable tar file, or the archive or a layer reached
   *     one of {@link ImageValidationOptions#limits()} (the message names the limit): the image
   *     could not be checked within them
   */
  public static ValidationResult validate(Path layoutOrArchive, ImageValidationOptions options)
      throws IOException {
    return Provider.get().validate(layoutOrArchive, null, options);
  }

  /**
   * Validates with {@link ImageValidationOptions#DEFAULT}.
   *
   * @param layoutOrArchive the layout directory or archive file
   * @return the findings
   * @throws IOException as {@link #validate(Path, ImageValidationOptions)}
   */
  public static ValidationResult validate(Path layoutOrArchive) throws IOException {
    return validate(layoutOrArchive, ImageValidationOptions.DEFAULT);
  }

  /**
   * Validates the layout or archive {@code image} names, whole; a {@link ImageReference#ref()} must
   * name exactly one image in it.
   *
   * @param image where the image is, e.g. {@code ImageReference.parse("oci:./layout:v1")}
   * @param options how to validate
   * @return the findings
   * @throws ImageSelectionException if the reference names no image or several (listing the
   *     choices)
   * @throws IOException if the path is not what the transport says ({@link
   *     ImageReference#kindMismatch()}), or as {@link #validate(Path, ImageValidationOptions)}
   */
  public static ValidationResult validate(ImageReference image, ImageValidationOptions options)
      throws IOException {
    String mismatch = image.kindMismatch();
    if (mismatch != null) {
      throw new IOException(mismatch);
    }
    return Provider.get().validate(image.path(), image.ref(), options);
  }
}
