package dev.ocikit.image.layout;

import java.io.IOException;

/**
 * A blob exists but is not stored as exactly one regular file (it is a symbolic link, a directory,
 * a device, sits under a linked directory, or appears more than once in an archive); its content is
 * refused rather than followed.
 */
public final class UnsafeBlobException extends IOException {
  private static final long serialVersionUID = 1L;
  private final String path;

  /** A refusal of {@code path} for {@code reason}. */
  public UnsafeBlobException(String path, String reason) {
    super(path + ": " + reason);
    this.path = path;
  }

  /** {@return the refused path, relative to the layout root} */
  public String path() {
    return path;
  }
}
