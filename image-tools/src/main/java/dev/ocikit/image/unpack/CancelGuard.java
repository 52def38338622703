package dev.ocikit.image.unpack;

import dev.ocikit.image.Cancellation;
import dev.ocikit.image.UnpackCancelledException;

/**
 * The unpacking thread's side of a {@link Cancellation}: where it checks, from when a cancel
 * interrupts it, and the point of no return after which nothing does. One guard serves one apply.
 */
final class CancelGuard {
  private final Cancellation cancellation;
  private final Runnable interrupt = this::interruptWorker;
  private Thread worker; // the thread applying layers, interrupted on cancel; guarded by this

  CancelGuard(Cancellation cancellation) {
    this.cancellation = cancellation;
  }

  /** {@return whether the unpack was asked to stop} */
  boolean isCancelled() {
    return cancellation.isCancelled();
  }

  /** The calling thread starts applying layers; a cancel from now on interrupts it. */
  void enter() throws UnpackCancelledException {
    synchronized (this) {
      worker = Thread.currentThread();
    }
    cancellation.onCancel(interrupt);
    // A cancel before onCancel ran no action: it is seen here instead.
    check();
  }

  /** Throws if cancelled: called before each change to the tree. */
  void check() throws UnpackCancelledException {
    if (cancellation.isCancelled()) {
      throw new UnpackCancelledException("stopped");
    }
  }

  /** The point of no return: throws if cancelled, else no later cancel stops or interrupts us. */
  void commit() throws UnpackCancelledException {
    synchronized (this) {
      check();
      worker = null;
    }
    cancellation.removeOnCancel(interrupt);
  }

  /**
   * The calling thread stops applying layers. An interrupt a cancel sent it is cleared, so that
   * removing the partial tree afterwards is not cut short.
   */
  void leave() {
    synchronized (this) {
      if (worker == Thread.currentThread()) {
        worker = null;
        if (cancellation.isCancelled()) {
          Thread.interrupted();
        }
      }
    }
    cancellation.removeOnCancel(interrupt);
  }

  private synchronized void interruptWorker() {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
