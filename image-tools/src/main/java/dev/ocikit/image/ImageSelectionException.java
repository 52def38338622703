package dev.ocikit.image;

import java.io.IOException;

/**
 * The layout does not hold exactly one image matching the reference and platform asked for; the
 * message lists the choices there are.
 */
public class ImageSelectionException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message the complete message
   */
  public ImageSelectionException(String message) {
    super(message);
  }
}
