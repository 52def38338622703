package dev.ocikit.spec.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The project checkout the tests run in, found from the working directory upwards (Maven runs each
 * module's tests in the module directory). Shipped in spec-model's test jar for the other modules.
 */
public final class Checkout {
  private Checkout() {}

  /** The directory holding {@code testdata/}. */
  public static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("testdata/documents"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no testdata/ above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  /** The checkout's {@code testdata/}. */
  public static Path testdata() {
    return root().resolve("testdata");
  }
}
