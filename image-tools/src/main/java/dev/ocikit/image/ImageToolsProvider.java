package dev.ocikit.image;

import dev.ocikit.check.ValidationResult;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What {@link ImageValidator}, {@link Unpacker}, {@link BundleCreator} and {@link
 * ImageReference#isArchive} hand their work to: image-tools provides the one implementation from
 * its internal packages, found with {@link java.util.ServiceLoader}. This inversion lets the
 * internals use the option, result and exception types of this package while nothing here imports
 * an internal package. Not an extension point: call the classes above instead; another
 * implementation on the path is ignored.
 */
public interface ImageToolsProvider {
  /** See {@link ImageValidator#validate(Path, ImageValidationOptions)}; {@code ref} may be null. */
  ValidationResult validate(Path image, String ref, ImageValidationOptions options)
      throws IOException;

  /** See {@link ImageReference#isArchive(Path)}. */
  boolean isArchive(Path path) throws IOException;

  /** See {@link Unpacker#unpack(Path, String, Path, UnpackOptions)}. */
  UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options) throws IOException;

  /** See {@link BundleCreator#create(Path, String, Path, BundleOptions)}. */
  BundleResult createBundle(Path image, String ref, Path dest, BundleOptions options)
      throws IOException;
}
