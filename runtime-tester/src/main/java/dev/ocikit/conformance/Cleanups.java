package dev.ocikit.conformance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The tests' cleanups of one run, on threads of their own so a slow delete overlaps the next test;
 * {@link #awaitAll()} is the barrier before a leak check. A cleanup that throws is a harness bug
 * and is rethrown there, not lost.
 */
final class Cleanups implements AutoCloseable {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(60);
  private final ExecutorService pool;
  private final List<Future<?>> pending = new ArrayList<>();

  /** {@code threads}: as many as tests run at once, so cleanups never fall further behind. */
  Cleanups(int threads) {
    this.pool = Executors.newFixedThreadPool(threads);
  }

  synchronized void submit(Runnable cleanup) {
    pending.add(pool.submit(cleanup));
  }

  /** Waits for every cleanup submitted so far. */
  void awaitAll() throws InterruptedException, ExecutionException {
    List<Future<?>> now;
    synchronized (this) {
      now = new ArrayList<>(pending);
      pending.clear();
    }
    for (Future<?> f : now) {
      f.get();
    }
  }

  /**
   * Lets queued cleanups finish (they are what keeps a run from leaking), bounded by {@code
   * CLOSE_WAIT} so an interrupted run still ends.
   */
  @Override
  public void close() {
    pool.shutdown();
    try {
      pool.awaitTermination(CLOSE_WAIT.toSeconds(), TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
