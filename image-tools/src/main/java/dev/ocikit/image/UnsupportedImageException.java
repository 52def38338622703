package dev.ocikit.image;

import java.io.IOException;

/**
 * The image is intact and readable, but the spec tells consumers to refuse it rather than guess:
 * for example an image config whose {@code rootfs.type} is not {@code layers} (config.md requires
 * unpacking to fail). The message names the document, the field and the rule.
 */
public class UnsupportedImageException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a complete message.
   *
   * @param message the complete message
   */
  public UnsupportedImageException(String message) {
    super(message);
  }
}
