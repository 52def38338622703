package dev.ocikit.spec.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.function.ThrowingSupplier;

/**
 * Real special files for tests of the input readers: a FIFO made by mkfifo(1), a bound Unix socket,
 * {@code /dev/zero}, symbolic links to them, and sparse files of any size. Shipped in spec-model's
 * test jar for the other modules.
 */
public final class SpecialFiles {
  /** A character device that never ends. */
  public static final Path DEV_ZERO = Path.of("/dev/zero");

  /**
   * How long a refused read may take before it counts as a hang. Not a speed check: the refusal
   * takes milliseconds, and without it the read never returns.
   */
  private static final Duration HANG = Duration.ofSeconds(60);

  private SpecialFiles() {}

  /** A FIFO at {@code dir/name}, made by mkfifo(1). */
  public static Path fifo(Path dir, String name) throws IOException, InterruptedException {
    Path p = dir.resolve(name);
    Process mk = new ProcessBuilder(List.of("mkfifo", p.toString())).inheritIO().start();
    assertEquals(0, mk.waitFor(), "mkfifo " + p);
    return p;
  }

  /** A Unix domain socket file at {@code dir/name}, bound (and closed again) by this JVM. */
  public static Path socket(Path dir, String name) throws IOException {
    Path p = dir.resolve(name);
    try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      s.bind(UnixDomainSocketAddress.of(p));
    }
    return p;
  }

  /** A symbolic link {@code dir/name} to {@code target}. */
  public static Path link(Path dir, String name, Path target) throws IOException {
    return Files.createSymbolicLink(dir.resolve(name), target);
  }

  /** A sparse file of {@code size} bytes: no disk blocks, all zeros. */
  public static Path sparse(Path dir, String name, long size) throws IOException {
    Path p = dir.resolve(name);
    try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
      f.setLength(size);
    }
    return p;
  }

  /**
   * Runs {@code read}, which must refuse a special file instead of blocking on it; if it blocks
   * anyway the test fails, and a writer opened on {@code fifo} (when given) releases the stuck
   * reader.
   */
  public static <T> T withoutHanging(Path fifo, ThrowingSupplier<T> read) {
    try {
      return assertTimeoutPreemptively(HANG, read);
    } catch (AssertionError hung) {
      if (fifo != null) {
        release(fifo);
      }
      throw hung;
    }
  }

  private static void release(Path fifo) {
    Thread t =
        new Thread(
            () -> {
              try (FileOutputStream w = new FileOutputStream(fifo.toFile())) {
                w.flush();
              } catch (IOException ignored) {
                // nothing was waiting after all
              }
            });
    t.setDaemon(true);
    t.start();
  }
}
