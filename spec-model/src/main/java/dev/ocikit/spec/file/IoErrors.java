package dev.ocikit.spec.file;

import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.NotLinkException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Failures of the filesystem in words: the JDK names several only by their class ({@code
 * AccessDeniedException} carries just the path), and a class name is not a message.
 */
public final class IoErrors {
  private IoErrors() {}

  /**
   * One line for {@code e}: the file and what went wrong ("config.json: permission denied"), or the
   * message; never an exception class name.
   *
   * @param e the failure
   * @return one line for a user
   */
  public static String describe(Throwable e) {
    Throwable t = unwrap(e);
    if (t instanceof FileSystemException f) {
      String file = f.getFile() == null ? "" : f.getFile();
      String other = f.getOtherFile() == null ? "" : " -> " + f.getOtherFile();
      String words = reason(f);
      return file.isEmpty() && other.isEmpty() ? words : file + other + ": " + words;
    }
    if (t instanceof OutOfMemoryError) {
      return "out of memory (the Java heap is too small for this input; raise it with -Xmx)";
    }
    String m = t.getMessage();
    if (m != null && !m.isBlank()) {
      return m;
    }
    if (t instanceof EOFException) {
      return "unexpected end of file";
    }
    return t instanceof IOException ? "input/output error" : "unexpected internal error";
  }

  /** What a filesystem failure means, in words. */
  private static String reason(FileSystemException f) {
    if (f instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (f.getReason() != null && !f.getReason().isBlank()) {
      return f.getReason();
    }
    if (f instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (f instanceof FileAlreadyExistsException) {
      return "already exists";
    }
    if (f instanceof NotDirectoryException) {
      return "not a directory";
    }
    if (f instanceof DirectoryNotEmptyException) {
      return "directory not empty";
    }
    if (f instanceof NotLinkException) {
      return "not a symbolic link";
    }
    if (f instanceof FileSystemLoopException) {
      return "symbolic link loop";
    }
    return "cannot be used";
  }

  /**
   * Whether the operating system refused an operation somewhere in {@code e}'s causes: permission
   * denied, disk full, not a directory, a special file where a regular one was read… (any {@link
   * FileSystemException} except a missing file). Such a failure belongs to the machine, not to the
   * content being read.
   *
   * @param e the failure
   * @return whether the host, not the input, is to blame
   */
  public static boolean refusedByHost(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof FileSystemException && !(t instanceof NoSuchFileException)) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /**
   * {@return the failure inside the wrappers that only carry it across threads}
   *
   * @param e the failure as caught
   */
  public static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof CompletionException
            || t instanceof ExecutionException
            || t instanceof UncheckedIOException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
