package dev.ocikit.image.unpack;

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
 */
public final class Cancellation {
  /** Never cancelled; the default of {@link UnpackOptions}. */
  public static final Cancellation NONE = new Cancellation(false);

  private final boolean triggerable;
  private volatile boolean cancelled;
  private Thread worker; // the thread applying layers, interrupted by cancel(); guarded by this

  /** A cancellation not yet cancelled. */
  public Cancellation() {
    this(true);
  }

  private Cancellation(boolean triggerable) {
    this.triggerable = triggerable;
  }

  /**
   * Asks the unpack to stop; returns at once.
   *
   * @throws UnsupportedOperationException on {@link #NONE}
   */
  public void cancel() {
    if (!triggerable) {
      throw new UnsupportedOperationException("Cancellation.NONE cannot be cancelled");
    }
    synchronized (this) {
      cancelled = true;
      if (worker != null) {
        worker.interrupt();
      }
    }
  }

  /** {@return whether {@link #cancel()} was called} */
  public boolean isCancelled() {
    return cancelled;
  }

  /** The calling thread starts applying layers; {@link #cancel()} will interrupt it. */
  synchronized void enter() throws UnpackCancelledException {
    check();
    worker = Thread.currentThread();
  }

  /** Throws if cancelled: called before each change to the tree. */
  void check() throws UnpackCancelledException {
    if (cancelled) {
      throw new UnpackCancelledException("stopped");
    }
  }

  /** The point of no return: throws if cancelled, else no later cancel stops or interrupts us. */
  synchronized void commit() throws UnpackCancelledException {
    check();
    leave();
  }

  /**
   * The calling thread stops applying layers. An interrupt {@link #cancel()} sent it is cleared, so
   * that removing the partial tree afterwards is not cut short.
   */
  synchronized void leave() {
    if (worker == Thread.currentThread()) {
      worker = null;
      if (cancelled) {
        Thread.interrupted();
      }
    }
  }
}
