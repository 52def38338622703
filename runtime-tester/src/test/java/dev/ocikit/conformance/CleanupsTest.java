package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The barrier before a leak check: every cleanup handed over has finished, failures surface. */
class CleanupsTest {
  @Test
  void awaitAllReturnsOnlyAfterEveryCleanupRan() throws Exception {
    AtomicInteger done = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    try (Cleanups cleanups = new Cleanups(2)) {
      for (int i = 0; i < 5; i++) {
        cleanups.submit(
            () -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              done.incrementAndGet();
            });
      }
      assertEquals(0, done.get(), "cleanups wait for the latch");
      release.countDown();
      cleanups.awaitAll();
      assertEquals(5, done.get());
    }
  }

  @Test
  void aCleanupThatThrowsIsRethrownAtTheBarrier() {
    try (Cleanups cleanups = new Cleanups(1)) {
      cleanups.submit(
          () -> {
            throw new IllegalStateException("cleanup broke");
          });
      ExecutionException e = assertThrows(ExecutionException.class, cleanups::awaitAll);
      assertEquals("cleanup broke", e.getCause().getMessage());
    }
  }
}
