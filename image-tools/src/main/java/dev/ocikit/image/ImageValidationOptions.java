package dev.ocikit.image;

import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import java.util.Objects;

/**
 * How to validate an image layout or archive.
 *
 * @param requireAllBlobs a completeness check: report referenced blobs that are absent as errors.
 *     Without it they are warnings, as image-layout.md lets a layout leave them to an external blob
 *     store
 * @param failLevel the least binding level whose findings are errors (default {@link Level#MUST})
 * @param parallelism how many blobs are verified at once; at least 1
 * @param limits the limits layers (and an archive file) are read under, the same as unpacking's;
 *     the totals count over every layer of the validation, whichever thread reads it. Reaching one
 *     fails the validation with an {@code IOException} naming the limit: the image could not be
 *     checked within them
 */
public record ImageValidationOptions(
    boolean requireAllBlobs, Level failLevel, int parallelism, TarLimits limits) {
  /**
   * Missing blobs are warnings, MUST findings fail, one thread per available processor (max 8),
   * default limits.
   */
  public static final ImageValidationOptions DEFAULT =
      new ImageValidationOptions(
          false,
          Level.MUST,
          Math.min(8, Runtime.getRuntime().availableProcessors()),
          TarLimits.DEFAULTS);

  /**
   * Checks the parts: no null level or limits, a parallelism of at least 1.
   *
   * @param requireAllBlobs report absent referenced blobs as errors
   * @param failLevel the least binding level whose findings are errors
   * @param parallelism how many blobs are verified at once
   * @param limits the limits layers are read under
   */
  public ImageValidationOptions {
    Objects.requireNonNull(failLevel, "failLevel");
    Objects.requireNonNull(limits, "limits");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /**
   * {@return a copy with {@code requireAllBlobs} set}
   *
   * @param require whether absent blobs are errors
   */
  public ImageValidationOptions withRequireAllBlobs(boolean require) {
    return new ImageValidationOptions(require, failLevel, parallelism, limits);
  }

  /**
   * Kept for compatibility: missing blobs are warnings by default now, so {@code true} is the
   * default and {@code false} asks for {@link #withRequireAllBlobs(boolean) the completeness
   * check}.
   *
   * @deprecated use {@link #withRequireAllBlobs(boolean)}
   * @param allow whether absent blobs are only warnings
   * @return a copy with {@code requireAllBlobs} set to {@code !allow}
   */
  @Deprecated
  public ImageValidationOptions withAllowMissing(boolean allow) {
    return withRequireAllBlobs(!allow);
  }

  /**
   * {@return a copy with another fail level}
   *
   * @param level the new fail level
   */
  public ImageValidationOptions withFailLevel(Level level) {
    return new ImageValidationOptions(requireAllBlobs, level, parallelism, limits);
  }

  /**
   * {@return a copy with another parallelism}
   *
   * @param threads how many blobs to verify at once, at least 1
   */
  public ImageValidationOptions withParallelism(int threads) {
    return new ImageValidationOptions(requireAllBlobs, failLevel, threads, limits);
  }

  /**
   * {@return a copy with other limits}
   *
   * @param value the new limits
   */
  public ImageValidationOptions withLimits(TarLimits value) {
    return new ImageValidationOptions(requireAllBlobs, failLevel, parallelism, value);
  }

  /** {@return the document-level options these imply} */
  public ValidationOptions documentOptions() {
    return ValidationOptions.DEFAULT.withFailLevel(failLevel);
  }
}
