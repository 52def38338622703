package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Host-side mounts and device nodes a test sets up under its own bundle directory (the submount
 * that tells {@code rbind} from {@code bind}), made with the host's {@code mount}, {@code umount}
 * and {@code mknod}.
 */
final class HostMount {
  private HostMount() {}

  /** Mounts a small tmpfs on {@code dir} in the harness's mount namespace. */
  static void tmpfs(Path dir) throws IOException {
    run(List.of("mount", "-t", "tmpfs", "-o", "size=64k", "ocikit-sub", dir.toString()));
  }

  /**
   * Lazily unmounts {@code dir}, so that removing the bundle later works even while a container
   * still holds a copy of the mount; failures are ignored, as the work dir removal reports them.
   */
  static void detach(Path dir) {
    try {
      run(List.of("umount", "-l", dir.toString()));
    } catch (IOException ignored) {
      // Already gone (the mount never happened) or nothing to do.
    }
  }

  /**
   * Runs a host command; a non-zero exit throws naming its output, a hang over 10 s {@link Unmet}.
   */
  static void run(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new Unmet("precondition: " + String.join(" ", command) + " timed out");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited " + p.exitValue() + ": " + out.strip());
    }
  }
}
