package dev.ocikit.cli;

import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Turns expected failures into one-line messages, and writes output files atomically. */
final class Errors {
  private Errors() {}

  /** A writer body that may fail. */
  interface WriterBody {
    void write(Writer w) throws IOException;
  }

  static String describe(Throwable e) {
    if (e instanceof NoSuchFileException n) {
      return (n.getReason() == null ? "no such file or directory" : n.getReason());
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    String m = e.getMessage();
    // Messages can quote parts of untrusted input; a terminal must never act on them.
    return m == null ? e.getClass().getSimpleName() : UntrustedText.printable(m);
  }

  /** Writes to a sibling temporary file, then renames it over {@code target}. */
  static void writeAtomically(Path target, WriterBody body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
        body.write(w);
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
