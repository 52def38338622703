package dev.ocikit.image;

import java.io.InterruptedIOException;

/**
 * An unpack stopped by {@link Cancellation#cancel()}. By the time it is thrown the partial tree is
 * removed, or {@link #outcome()} says why not.
 */
public final class UnpackCancelledException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  /** What became of the partial tree. */
  private final String outcome;

  /**
   * Creates the exception for a stopped unpack.
   *
   * @param outcome what became of the partial tree
   */
  public UnpackCancelledException(String outcome) {
    super("unpack cancelled; " + outcome);
    this.outcome = outcome;
  }

  /**
   * What became of the partial tree, e.g. {@code removed the partial tree /b/.rootfs-12}.
   *
   * @return the outcome
   */
  public String outcome() {
    return outcome;
  }
}
