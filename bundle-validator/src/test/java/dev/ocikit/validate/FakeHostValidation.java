package dev.ocikit.validate;

import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.validate.host.Host;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The tests' way to run {@link BundleValidator} against a fake {@link Host}: the constructor that
 * takes one is package-private, since {@code Host} is not part of the exported API.
 */
public final class FakeHostValidation {
  private FakeHostValidation() {}

  /**
   * Validates the bundle directory {@code bundle} with host-specific rules looking at {@code host}.
   */
  public static ValidationResult validate(Path bundle, ValidationOptions options, Host host)
      throws IOException {
    return new BundleValidator(options, host).validateBundle(bundle);
  }
}
