package dev.ocikit.image.unpack;

/** A configured limit of {@link UnpackOptions} was exceeded; the message names limit and entry. */
public final class UnpackLimitException extends UnpackException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a complete message. */
  public UnpackLimitException(String message) {
    super(message);
  }
}
