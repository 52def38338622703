package dev.ocikit.image;

import java.util.ArrayList;
import java.util.List;

/**
 * Lets another thread stop an unpack, for instance a shutdown hook when the process gets SIGINT or
 * SIGTERM. Hand it to the unpack with {@link UnpackOptions#withCancellation}; after {@link
 * #cancel()} the unpack stops at its next filesystem call (a thread waiting for layer data or for a
 * helper command is interrupted), removes its partial tree and throws {@link
 * UnpackCancelledException} on the thread that called it. Once the finished tree is being moved to
 * {@code dest/rootfs} the unpack is past cancelling and completes.
 *
 * <p>Cancelling is one-way, and one cancellation serves one unpack at a time. Only the unpacking
 * thread ever touches the tree, so a caller that wants to know the partial tree is gone waits for
 * that thread to return, not for {@link #cancel()}.
 *
 * <p>Thread-safe.
 */
public final class Cancellation {
  /** Never cancelled; the default of {@link UnpackOptions}. */
  public static final Cancellation NONE = new Cancellation(false);

  private final boolean triggerable;
  private volatile boolean cancelled;
  private final List<Runnable> actions = new ArrayList<>(); // guarded by this

  /** A cancellation not yet cancelled. */
  public Cancellation() {
    this(true);
  }

  private Cancellation(boolean triggerable) {
    this.triggerable = triggerable;
  }

  /**
   * Asks the unpack to stop; returns once the actions added with {@link #onCancel} have run.
   *
   * @throws UnsupportedOperationException on {@link #NONE}
   */
  public void cancel() {
    if (!triggerable) {
      throw new UnsupportedOperationException("Cancellation.NONE cannot be cancelled");
    }
    List<Runnable> run;
    synchronized (this) {
      if (cancelled) {
        return;
      }
      cancelled = true;
      run = List.copyOf(actions);
    }
    // Outside the lock: an action may take a lock of its own that its owner holds while it asks
    // isCancelled() or removes the action.
    run.forEach(Runnable::run);
  }

  /** {@return whether {@link #cancel()} was called} */
  public boolean isCancelled() {
    return cancelled;
  }

  /**
   * Runs {@code action} on the thread that calls {@link #cancel()}, once, until it is removed with
   * {@link #removeOnCancel}; the unpacker uses it to interrupt its thread when it waits. An action
   * added after the cancellation does not run: check {@link #isCancelled()} after adding it. On
   * {@link #NONE} nothing is kept.
   *
   * @param action what to run, quickly and without throwing
   */
  public void onCancel(Runnable action) {
    if (triggerable) {
      synchronized (this) {
        actions.add(action);
      }
    }
  }

  /**
   * Stops {@code action}, added with {@link #onCancel}, from running; no effect if it was not.
   *
   * @param action the action given to {@link #onCancel}
   */
  public synchronized void removeOnCancel(Runnable action) {
    actions.remove(action);
  }
}
