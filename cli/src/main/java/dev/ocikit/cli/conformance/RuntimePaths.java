package dev.ocikit.cli.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Resolves a {@code --runtime} argument: a path if it contains '/', otherwise a name on PATH. */
final class RuntimePaths {
  private RuntimePaths() {}

  /** The executable for {@code nameOrPath}, searching {@code pathVariable} for bare names. */
  static Optional<Path> resolve(String nameOrPath, String pathVariable) {
    if (nameOrPath.isEmpty()) {
      return Optional.empty();
    }
    if (nameOrPath.contains("/")) {
      Path p = Path.of(nameOrPath).toAbsolutePath().normalize();
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
    if (pathVariable == null) {
      return Optional.empty();
    }
    for (String dir : pathVariable.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = Path.of(dir).resolve(nameOrPath);
      if (Files.isRegularFile(p) && Files.isExecutable(p)) {
        return Optional.of(p.toAbsolutePath());
      }
    }
    return Optional.empty();
  }
}
