package dev.ocikit.image;

/**
 * A limit of {@link UnpackOptions#limits()} was exceeded; the message names the limit, its value,
 * the layer and the entry.
 */
public final class UnpackLimitException extends UnpackException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message the complete message
   */
  public UnpackLimitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a complete message and the reader's refusal.
   *
   * @param message the complete message
   * @param cause the underlying failure
   */
  public UnpackLimitException(String message, Throwable cause) {
    super(message, cause);
  }
}
