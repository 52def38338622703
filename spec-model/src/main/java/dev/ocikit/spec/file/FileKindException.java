package dev.ocikit.spec.file;

import java.nio.file.FileSystemException;

/**
 * A path names something other than what it must be (a FIFO, a device or a socket where a regular
 * file is read, a file where a directory is expected). Thrown after {@code stat}, before anything
 * is opened.
 */
public final class FileKindException extends FileSystemException {
  private static final long serialVersionUID = 1L;

  private final transient FileKind kind;
  private final transient FileKind expected;

  /**
   * {@code file} is {@code kind} but must be {@code expected}.
   *
   * @param file the file, as the user named it
   * @param kind what it is
   * @param expected what it must be
   */
  public FileKindException(String file, FileKind kind, FileKind expected) {
    super(file, null, "is " + kind.words() + ", not " + expected.words());
    this.kind = kind;
    this.expected = expected;
  }

  /** {@return what the path names} */
  public FileKind kind() {
    return kind;
  }

  /** {@return what it had to be} */
  public FileKind expected() {
    return expected;
  }
}
