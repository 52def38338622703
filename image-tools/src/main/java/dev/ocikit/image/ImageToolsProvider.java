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
  /**
   * Validates a layout or archive, as {@link ImageValidator#validate(Path,
   * ImageValidationOptions)}.
   *
   * @param image the layout directory or archive file
   * @param ref a reference that must name exactly one image, or null for none
   * @param options how to validate
   * @return the findings
   * @throws IOException as the entry point documents
   */
  ValidationResult validate(Path image, String ref, ImageValidationOptions options)
      throws IOException;

  /**
   * Tells an image archive, as {@link ImageReference#isArchive(Path)}.
   *
   * @param path any path
   * @return true for an archive
   * @throws IOException as the entry point documents
   */
  boolean isArchive(Path path) throws IOException;

  /**
   * Unpacks, as {@link Unpacker#unpack(Path, String, Path, UnpackOptions)}.
   *
   * @param image the layout directory or archive file
   * @param ref a reference name, {@code @alg:hex}, or null
   * @param dest the directory that gets {@code rootfs}
   * @param options how to pick and apply the image
   * @return the unpacked image
   * @throws IOException as the entry point documents
   */
  UnpackedImage unpack(Path image, String ref, Path dest, UnpackOptions options) throws IOException;

  /**
   * Creates a bundle, as {@link BundleCreator#create(Path, String, Path, BundleOptions)}.
   *
   * @param image the layout directory or archive file
   * @param ref a reference name, {@code @alg:hex}, or null
   * @param dest the bundle directory
   * @param options how to unpack and what the config says
   * @return the bundle
   * @throws IOException as the entry point documents
   */
  BundleResult createBundle(Path image, String ref, Path dest, BundleOptions options)
      throws IOException;
}
