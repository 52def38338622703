package dev.ocikit.cli.conformance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The effective uid of this process, from /proc/self/status. */
final class RootCheck {
  private RootCheck() {}

  /** The effective uid, or -1 when /proc cannot be read. */
  static long effectiveUid() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return Long.parseLong(line.substring(4).trim().split("\\s+")[1]);
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }
}
