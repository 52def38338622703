package dev.ocikit.image;

import java.io.IOException;

/**
 * The image config cannot be converted to a runtime config, for example because {@code Config.User}
 * names a user the root filesystem does not define (conversion.md requires an error).
 */
public class ConversionException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message the complete message
   */
  public ConversionException(String message) {
    super(message);
  }
}
