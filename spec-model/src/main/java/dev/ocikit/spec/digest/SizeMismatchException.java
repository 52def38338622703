package dev.ocikit.spec.digest;

/**
 * The content is shorter or longer than its declared size. When it is longer, reading stopped one
 * byte past the declared size, so {@link #actualSize()} is a lower bound.
 */
public final class SizeMismatchException extends BlobVerificationException {
  private static final long serialVersionUID = 1L;

  /** The size the descriptor declared. */
  private final long expectedSize;

  /** The bytes actually read, up to one past the declared size. */
  private final long actualSize;

  /** Whether content went on past the declared size. */
  private final boolean trailingData;

  SizeMismatchException(String context, long expectedSize, long actualSize, boolean trailingData) {
    super(
        context,
        trailingData
            ? "expected size "
                + expectedSize
                + " but the content continues past it (at least "
                + actualSize
                + " bytes)"
            : "expected size " + expectedSize + " but the content ends after " + actualSize);
    this.expectedSize = expectedSize;
    this.actualSize = actualSize;
    this.trailingData = trailingData;
  }

  /** {@return the size the caller declared} */
  public long expectedSize() {
    return expectedSize;
  }

  /** {@return the bytes read; a lower bound when {@link #trailingData()} is true} */
  public long actualSize() {
    return actualSize;
  }

  /** {@return true if the content is longer than declared, false if it is shorter} */
  public boolean trailingData() {
    return trailingData;
  }
}
