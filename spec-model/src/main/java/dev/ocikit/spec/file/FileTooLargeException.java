package dev.ocikit.spec.file;

import java.nio.file.FileSystemException;

/** A file holds more bytes than the reader accepts; nothing past the limit was read. */
public final class FileTooLargeException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  /** The most bytes the file may hold. */
  private final long limit;

  /**
   * {@code file} has more than {@code limit} bytes.
   *
   * @param file the file, as the user named it
   * @param limit the most bytes allowed
   */
  public FileTooLargeException(String file, long limit) {
    super(file, null, "is larger than the limit of " + limit + " bytes");
    this.limit = limit;
  }

  /** {@return the largest accepted size in bytes} */
  public long limit() {
    return limit;
  }
}
