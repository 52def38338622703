package dev.ocikit.cli.image;

import dev.ocikit.image.ImageReference;
import java.nio.file.Path;

/**
 * The {@code IMAGE} operand, read by {@link ImageReference} ({@code oci:DIR[:REF]}, {@code
 * oci-archive:FILE[:REF]}, or a plain {@code PATH[:REF]} / {@code PATH@sha256:…}), merged with
 * {@code --ref}.
 *
 * @param reference the image reference, with the reference name or digest to use
 */
record ImageArgument(ImageReference reference) {
  /**
   * Parses {@code arg}; {@code optionRef} (from {@code --ref}, or null) must agree with a {@code
   * REF} in {@code arg}: naming two images is a usage error, naming one twice is not.
   *
   * @throws IllegalArgumentException with one line naming the reference and what is wrong
   */
  static ImageArgument parse(String arg, String optionRef) {
    ImageReference r = ImageReference.parse(arg);
    String mismatch = r.kindMismatch();
    if (mismatch != null) {
      throw new IllegalArgumentException(mismatch);
    }
    if (optionRef == null || optionRef.isEmpty()) {
      return new ImageArgument(r);
    }
    if (r.ref() != null && !r.ref().equals(optionRef)) {
      throw new IllegalArgumentException(
          "image reference '"
              + arg
              + "' names '"
              + r.ref()
              + "' but --ref names '"
              + optionRef
              + "'; give the reference once");
    }
    // Rebuilt so that a --ref beside a transport is held to the same grammar as one inside it.
    return new ImageArgument(new ImageReference(r.transport(), r.path(), r.kind(), optionRef));
  }

  /** The layout directory or archive. */
  Path image() {
    return reference.path();
  }

  /** The reference name, {@code @alg:hex} for a digest, or null. */
  String ref() {
    return reference.ref();
  }
}
