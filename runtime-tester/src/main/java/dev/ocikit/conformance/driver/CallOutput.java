package dev.ocikit.conformance.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where one call's stdout and stderr go: two temporary files, not pipes, because {@code create}
 * hands its stdio to the container process and a pipe would stay open for the container's life. The
 * caller watches {@link #overLimit()} while the call runs, so that disk use stays near the limit,
 * and reads at most the limit back, so that memory never grows with what the runtime wrote.
 */
final class CallOutput implements AutoCloseable {
  private final Path stdout;
  private final Path stderr;
  private final long limit;

  private CallOutput(Path stdout, Path stderr, long limit) {
    this.stdout = stdout;
    this.stderr = stderr;
    this.limit = limit;
  }

  static CallOutput in(Path scratch, long limit) throws IOException {
    Path out = Files.createTempFile(scratch, "call-", ".out");
    try {
      return new CallOutput(out, Files.createTempFile(scratch, "call-", ".err"), limit);
    } catch (IOException e) {
      Files.deleteIfExists(out);
      throw e;
    }
  }

  Path stdoutFile() {
    return stdout;
  }

  Path stderrFile() {
    return stderr;
  }

  /** Which stream has gone over the limit, as the reason to stop the call, or null. */
  String overLimit() {
    if (size(stdout) > limit) {
      return "wrote more than " + limit + " bytes to stdout";
    }
    if (size(stderr) > limit) {
      return "wrote more than " + limit + " bytes to stderr";
    }
    return null;
  }

  String stdout() throws IOException {
    return head(stdout);
  }

  String stderr() throws IOException {
    return head(stderr);
  }

  /** At most {@code limit} bytes from the start of {@code file}. */
  private String head(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes((int) limit), StandardCharsets.UTF_8);
    }
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  @Override
  public void close() {
    for (Path f : new Path[] {stdout, stderr}) {
      try {
        Files.deleteIfExists(f);
      } catch (IOException ignored) {
        // A stray file lives in the run's scratch dir, which is removed at the end anyway.
      }
    }
  }
}
