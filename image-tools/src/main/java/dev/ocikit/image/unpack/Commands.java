package dev.ocikit.image.unpack;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the external tools that stand in for C library calls when JNA cannot bind them (mknod, touch
 * -h, setfattr); see {@link CommandSyscalls}.
 */
final class Commands {
  private static final Map<String, Boolean> AVAILABLE = new ConcurrentHashMap<>();
  private static final AtomicLong STARTED = new AtomicLong();

  private Commands() {}

  /** True if {@code tool} is an executable on PATH. */
  static boolean available(String tool) {
    return AVAILABLE.computeIfAbsent(
        tool,
        t -> {
          String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
          for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, t))) {
              return true;
            }
          }
          return false;
        });
  }

  /** How many processes this JVM has started here, so that tests can see none were. */
  static long started() {
    return STARTED.get();
  }

  /** Runs {@code cmd} (no shell) and fails with its output if it exits non-zero. */
  static void run(List<String> cmd) throws IOException {
    output(cmd);
  }

  /** Runs {@code cmd} (no shell) and returns its output; fails with it on a non-zero exit. */
  static String output(List<String> cmd) throws IOException {
    STARTED.incrementAndGet();
    Process proc = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    int rc;
    try {
      rc = proc.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      proc.destroy();
      throw new IOException("interrupted while running " + cmd.get(0), e);
    }
    if (rc != 0) {
      throw new IOException(cmd.get(0) + " failed (exit " + rc + "): " + out);
    }
    return out;
  }
}
