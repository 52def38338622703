package dev.ocikit.image;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The destination of an unpack, or a directory on the way to it, can be changed by another user,
 * who could then move the tree under construction away and redirect what is written. {@link
 * #getFile()} names that directory; {@link #getReason()} its owner and mode.
 */
public final class UnsafeDestinationException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the refusal of {@code dir}.
   *
   * @param dir the directory another user can change
   * @param reason its owner and mode, and why that is unsafe
   */
  public UnsafeDestinationException(Path dir, String reason) {
    super(dir.toString(), null, reason);
  }
}
