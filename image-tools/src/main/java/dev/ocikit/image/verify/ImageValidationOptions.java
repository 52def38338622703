package dev.ocikit.image.verify;

import dev.ocikit.validate.Level;
import dev.ocikit.validate.ValidationOptions;
import java.util.Objects;

/**
 * How to validate an image layout or archive.
 *
 * @param allowMissing report referenced blobs that are absent as warnings instead of errors (the
 *     layout may leave them to an external blob store)
 * @param failLevel the least binding level whose findings are errors (default {@link Level#MUST})
 * @param parallelism how many blobs are verified at once; at least 1
 */
public record ImageValidationOptions(boolean allowMissing, Level failLevel, int parallelism) {
  /** Missing blobs are errors, MUST findings fail, one thread per available processor (max 8). */
  public static final ImageValidationOptions DEFAULT =
      new ImageValidationOptions(
          false, Level.MUST, Math.min(8, Runtime.getRuntime().availableProcessors()));

  /** Checks the parts. */
  public ImageValidationOptions {
    Objects.requireNonNull(failLevel, "failLevel");
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
  }

  /** Returns a copy with {@code allowMissing} set. */
  public ImageValidationOptions withAllowMissing(boolean allow) {
    return new ImageValidationOptions(allow, failLevel, parallelism);
  }

  /** Returns a copy with another fail level. */
  public ImageValidationOptions withFailLevel(Level level) {
    return new ImageValidationOptions(allowMissing, level, parallelism);
  }

  /** Returns a copy with another parallelism. */
  public ImageValidationOptions withParallelism(int threads) {
    return new ImageValidationOptions(allowMissing, failLevel, threads);
  }

  /** The document-level options these imply. */
  public ValidationOptions documentOptions() {
    return ValidationOptions.DEFAULT.withFailLevel(failLevel);
  }
}
