package dev.ocikit.image;

import java.io.IOException;

/**
 * A layer could not be applied: the message names the layer, the entry and the rule broken (for
 * example {@code layer 1 (sha256:ab..) entry "../etc/passwd": name escapes the root}). Expected
 * failures of hostile or broken images are reported with this type; nothing outside the root has
 * been touched when it is thrown.
 */
public class UnpackException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message the complete message
   */
  public UnpackException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a complete message and its underlying cause.
   *
   * @param message the complete message
   * @param cause the underlying failure
   */
  public UnpackException(String message, Throwable cause) {
    super(message, cause);
  }
}
