package dev.ocikit.validator;

import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.TarLimits;
import dev.ocikit.spec.DocumentType;
import java.util.Objects;

/**
 * How {@link OciValidator} validates, for every kind of path. Immutable; change it with the {@code
 * with…} methods.
 *
 * @param validation fail level, platform and host checks (bundles, configs, documents; the fail
 *     level applies to images too)
 * @param type the document type a single file is validated as, or null to detect it from the
 *     content; given, a file is always a document (never an image archive)
 * @param requireAllBlobs an image layout must hold every blob it references (a completeness check;
 *     the spec lets a layout lack some)
 * @param limits what reading an image may cost at most
 */
public record ValidatorOptions(
    ValidationOptions validation, DocumentType type, boolean requireAllBlobs, TarLimits limits) {
  /** MUST findings fail, platform detected, no host checks, type detected, default limits. */
  public static final ValidatorOptions DEFAULT =
      new ValidatorOptions(ValidationOptions.DEFAULT, null, false, TarLimits.DEFAULTS);

  /**
   * Checks the required parts.
   *
   * @param validation fail level, platform and host checks
   * @param type the document type a single file is validated as, or null
   * @param requireAllBlobs whether a layout must hold every blob it references
   * @param limits what reading an image may cost at most
   */
  public ValidatorOptions {
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * Returns a copy with other validation options.
   *
   * @param options the new validation options
   * @return the copy
   */
  public ValidatorOptions withValidation(ValidationOptions options) {
    return new ValidatorOptions(options, type, requireAllBlobs, limits);
  }

  /**
   * Returns a copy with another fail level.
   *
   * @param level the new fail level
   * @return the copy
   */
  public ValidatorOptions withFailLevel(Level level) {
    return withValidation(validation.withFailLevel(level));
  }

  /**
   * Returns a copy that validates a single file as {@code documentType} (null: detect).
   *
   * @param documentType the document type, or null to detect it
   * @return the copy
   */
  public ValidatorOptions withType(DocumentType documentType) {
    return new ValidatorOptions(validation, documentType, requireAllBlobs, limits);
  }

  /**
   * Returns a copy with the completeness check of image layouts on or off.
   *
   * @param require whether every referenced blob must be present
   * @return the copy
   */
  public ValidatorOptions withRequireAllBlobs(boolean require) {
    return new ValidatorOptions(validation, type, require, limits);
  }

  /**
   * Returns a copy with other limits for reading images.
   *
   * @param tarLimits the new image limits
   * @return the copy
   */
  public ValidatorOptions withLimits(TarLimits tarLimits) {
    return new ValidatorOptions(validation, type, requireAllBlobs, tarLimits);
  }

  ImageValidationOptions imageOptions() {
    return ImageValidationOptions.DEFAULT
        .withFailLevel(validation.failLevel())
        .withRequireAllBlobs(requireAllBlobs)
        .withLimits(limits);
  }
}
