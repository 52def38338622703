package dev.ocikit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The actions a {@link Cancellation} runs on cancel, which the unpacker uses to interrupt its
 * thread: each runs once, a removed one never, and {@link Cancellation#NONE} can neither be
 * cancelled nor keep one.
 */
class CancellationActionsTest {
  @Test
  void anActionRunsOnceOnCancelAndARemovedOneNever() {
    Cancellation c = new Cancellation();
    AtomicInteger kept = new AtomicInteger();
    AtomicInteger removed = new AtomicInteger();
    Runnable keep = kept::incrementAndGet;
    Runnable remove = removed::incrementAndGet;
    c.onCancel(keep);
    c.onCancel(remove);
    c.removeOnCancel(remove);
    assertFalse(c.isCancelled());
    c.cancel();
    c.cancel();
    assertTrue(c.isCancelled());
    assertEquals(1, kept.get(), "the action runs once, however often cancel is called");
    assertEquals(0, removed.get(), "a removed action does not run");
  }

  @Test
  void anActionAddedAfterTheCancelDoesNotRun() {
    Cancellation c = new Cancellation();
    c.cancel();
    AtomicInteger late = new AtomicInteger();
    c.onCancel(late::incrementAndGet);
    assertEquals(0, late.get());
    assertTrue(c.isCancelled(), "the caller sees the cancel by asking");
  }

  @Test
  void noneCannotBeCancelled() {
    Cancellation.NONE.onCancel(() -> {});
    assertThrows(UnsupportedOperationException.class, Cancellation.NONE::cancel);
    assertFalse(Cancellation.NONE.isCancelled());
  }
}
