package dev.ocikit.conformance.driver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Drives a runtime that speaks the runc command line ({@code create --bundle B ID}, {@code start},
 * {@code state}, {@code kill}, {@code delete}, {@code features}, {@code list}).
 *
 * <p>Output goes to temporary files rather than pipes: {@code create} hands its stdio to the
 * container process, so a pipe would stay open for the container's whole life and a reader waiting
 * for EOF would hang. Files are always fully read after the call, so nothing is left undrained.
 */
public final class RuntimeDriver {
  private final Path runtime;
  private final Duration callTimeout;
  private final Path scratch;

  /**
   * @param runtime path of the runtime executable
   * @param callTimeout longest time one invocation may take before its process tree is killed
   * @param scratch directory for the temporary output files
   */
  public RuntimeDriver(Path runtime, Duration callTimeout, Path scratch) {
    this.runtime = runtime;
    this.callTimeout = callTimeout;
    this.scratch = scratch;
  }

  public Path runtime() {
    return runtime;
  }

  public CallResult create(Path bundle, String id, Path pidFile) {
    List<String> args = new ArrayList<>(List.of("create", "--bundle", bundle.toString()));
    if (pidFile != null) {
      args.add("--pid-file");
      args.add(pidFile.toString());
    }
    args.add(id);
    return call(args);
  }

  public CallResult start(String id) {
    return call(List.of("start", id));
  }

  public CallResult state(String id) {
    return call(List.of("state", id));
  }

  public CallResult kill(String id, String signal) {
    return call(List.of("kill", id, signal));
  }

  public CallResult delete(String id, boolean force) {
    return call(force ? List.of("delete", "--force", id) : List.of("delete", id));
  }

  public CallResult features() {
    return call(List.of("features"));
  }

  public CallResult list() {
    return call(List.of("list", "--format", "json"));
  }

  /** Runs the runtime with arbitrary arguments (for malformed invocations such as a missing id). */
  public CallResult call(List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(runtime.toString());
    command.addAll(args);
    long t0 = System.nanoTime();
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile(scratch, "call-", ".out");
      err = Files.createTempFile(scratch, "call-", ".err");
      ProcessBuilder pb = new ProcessBuilder(command);
      pb.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
      pb.redirectOutput(out.toFile());
      pb.redirectError(err.toFile());
      Process p = pb.start();
      boolean done;
      try {
        done = p.waitFor(callTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        killTree(p);
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running " + command, e);
      }
      if (!done) {
        killTree(p);
      }
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new CallResult(command, done ? p.exitValue() : -1, read(out), read(err), !done, ms);
    } catch (IOException e) {
      long ms = (System.nanoTime() - t0) / 1_000_000;
      return new CallResult(command, 127, "", "cannot run runtime: " + e.getMessage(), false, ms);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** Kills descendants first so that children of a wedged runtime cannot outlive it. */
  private static void killTree(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    try {
      p.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String read(Path file) {
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // A stray temp file lives in the run's scratch dir, which is removed at the end anyway.
      }
    }
  }
}
