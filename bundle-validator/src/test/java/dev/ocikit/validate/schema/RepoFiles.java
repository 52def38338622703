package dev.ocikit.validate.schema;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the checkout's testdata/ from wherever Maven runs the tests. */
final class RepoFiles {
  private RepoFiles() {}

  static Path testdata() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isDirectory(dir.resolve("testdata/documents"))) {
        return dir.resolve("testdata");
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException("testdata/ not found above " + Path.of("").toAbsolutePath());
  }
}
