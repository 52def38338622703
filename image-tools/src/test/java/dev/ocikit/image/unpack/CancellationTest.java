package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.Cancellation;
import dev.ocikit.image.UnpackCancelledException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.spec.mediatype.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Cancellation} from another thread: the unpack stops, removes its partial tree and says so;
 * a cancellation before the start writes nothing at all.
 */
class CancellationTest {
  private static final int FILES = 200;
  private static final int SIZE = 16 << 10;
  @TempDir Path dir;

  @Test
  void cancelledMidwayRemovesThePartialTree() throws Exception {
    TarBuilder t = tar();
    for (int i = 0; i < FILES; i++) {
      t.file(String.format("f%03d", i), "x".repeat(SIZE)); // a header and SIZE bytes each
    }
    byte[] full = t.bytes();
    CountDownLatch release = new CountDownLatch(1);
    // Half the entries (more than the 1 MiB the reader thread hands over at a time), then nothing
    // until released: the unpack applies what it got, then waits for more.
    InputStream stall =
        new InputStream() {
          @Override
          public int read() throws IOException {
            try {
              release.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return -1;
          }
        };
    LayerSource slow =
        new LayerSource(
            "slow",
            Compression.NONE,
            () ->
                new SequenceInputStream(
                    new ByteArrayInputStream(full, 0, (512 + SIZE) * FILES / 2), stall));
    Path dest = dir.resolve("dest");
    Cancellation c = new Cancellation();
    UnpackOptions o = UnpackOptions.defaults().withCancellation(c);
    CompletableFuture<UnpackResult> run =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return LayerApplier.unpack(List.of(slow), dest, o);
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    try {
      Path tree = awaitFile(dest, "f050", run);
      c.cancel();
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> run.get(1, TimeUnit.MINUTES));
      UnpackCancelledException x = (UnpackCancelledException) e.getCause().getCause();
      assertEquals("removed the partial tree " + tree, x.outcome());
      assertEquals("unpack cancelled; removed the partial tree " + tree, x.getMessage());
      try (Stream<Path> s = Files.list(dest)) {
        assertEquals(List.of(), s.toList(), "nothing left");
      }
    } finally {
      release.countDown();
    }
  }

  /** Waits until the staging tree in {@code dest} holds {@code name}; returns the tree. */
  private static Path awaitFile(Path dest, String name, CompletableFuture<?> run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      assertFalse(run.isDone(), "the unpack is still running");
      Optional<Path> tree = Optional.empty();
      if (Files.isDirectory(dest)) {
        try (Stream<Path> s = Files.list(dest)) {
          tree = s.filter(p -> p.getFileName().toString().matches("\\.rootfs-[0-9]+")).findFirst();
        }
      }
      if (tree.isPresent() && Files.exists(tree.get().resolve(name))) {
        return tree.get();
      }
      Thread.sleep(5);
    }
    throw new AssertionError(name + " never appeared in a staging tree in " + dest);
  }

  @Test
  void cancelledBeforeTheStartWritesNothing() {
    Cancellation c = new Cancellation();
    c.cancel();
    Path dest = dir.resolve("dest");
    UnpackCancelledException x =
        assertThrows(
            UnpackCancelledException.class,
            () ->
                LayerApplier.unpack(
                    List.of(tar().file("a", "a").layer()),
                    dest,
                    UnpackOptions.defaults().withCancellation(c)));
    assertEquals("nothing was written", x.outcome());
    assertFalse(Files.exists(dest));
  }

  @Test
  void noneCannotBeCancelled() {
    assertThrows(UnsupportedOperationException.class, Cancellation.NONE::cancel);
    assertTrue(!Cancellation.NONE.isCancelled());
  }
}
