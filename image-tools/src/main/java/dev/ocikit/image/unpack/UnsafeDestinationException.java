package dev.ocikit.image.unpack;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * The destination of an unpack, or a directory on the way to it, can be changed by another user,
 * who could then move the tree under construction away and redirect what is written. {@link
 * #getFile()} names that directory; {@link #getReason()} its owner and mode.
 */
public final class UnsafeDestinationException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  UnsafeDestinationException(Path dir, String reason) {
    super(dir.toString(), null, reason);
  }
}
