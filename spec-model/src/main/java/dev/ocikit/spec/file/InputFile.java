package dev.ocikit.spec.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The one way the toolkit reads a file it was given or found in an input. What the path names is
 * decided by {@code stat} (or {@code lstat} with {@link LinkOption#NOFOLLOW_LINKS}) before anything
 * is opened: opening a FIFO for reading blocks until a writer comes, and {@code /dev/zero} never
 * ends, so anything but a regular file is refused with a {@link FileKindException}. Reads stop one
 * byte past the caller's limit, so memory is bounded by the limit, not by the file.
 *
 * <p>Not defended: a file swapped for a FIFO between the {@code stat} and the {@code open} by
 * someone who can write to its directory (see {@code docs/security.md}).
 */
public final class InputFile {
  /** The largest array the JVM allocates. */
  private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** First buffer for a file whose size {@code stat} does not know (procfs reports 0). */
  private static final int FIRST_BUFFER = 8192;

  private InputFile() {}

  /**
   * What {@code path} names, following symbolic links unless {@code options} says not to.
   *
   * @param path the path to look at
   * @param options {@link LinkOption#NOFOLLOW_LINKS} to look at a link itself
   * @return the kind of file
   * @throws java.nio.file.NoSuchFileException if nothing is there
   */
  public static FileKind kind(Path path, LinkOption... options) throws IOException {
    try {
      Map<String, Object> a = Files.readAttributes(path, "unix:mode", options);
      return FileKind.ofMode((Integer) a.get("mode"));
    } catch (UnsupportedOperationException | IllegalArgumentException noUnixView) {
      BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class, options);
      if (a.isRegularFile()) {
        return FileKind.REGULAR;
      }
      if (a.isDirectory()) {
        return FileKind.DIRECTORY;
      }
      return a.isSymbolicLink() ? FileKind.SYMBOLIC_LINK : FileKind.OTHER;
    }
  }

  /**
   * Checks that {@code path} names a regular file, without opening it; returns its size.
   *
   * @param path the file to check
   * @param options {@link LinkOption#NOFOLLOW_LINKS} to refuse a link
   * @return the file's size in bytes
   * @throws IOException if nothing is there ({@code NoSuchFileException}) or it is not a regular
   *     file ({@link FileKindException})
   */
  public static long requireRegularFile(Path path, LinkOption... options) throws IOException {
    FileKind kind = kind(path, options);
    if (kind != FileKind.REGULAR) {
      throw new FileKindException(path.toString(), kind, FileKind.REGULAR);
    }
    return Files.readAttributes(path, BasicFileAttributes.class, options).size();
  }

  /**
   * Checks that {@code path} names a directory (following links).
   *
   * @param path the directory to check
   * @throws IOException if nothing is there or it is not a directory ({@link FileKindException})
   */
  public static void requireDirectory(Path path) throws IOException {
    FileKind kind = kind(path);
    if (kind != FileKind.DIRECTORY) {
      throw new FileKindException(path.toString(), kind, FileKind.DIRECTORY);
    }
  }

  /**
   * Opens the regular file {@code path} for reading, after checking that it is one.
   *
   * @param path the file to open
   * @param options {@link LinkOption#NOFOLLOW_LINKS} to refuse a link
   * @return a stream at the file's start, for the caller to close
   * @throws IOException if it is missing, not a regular file or cannot be opened
   */
  public static InputStream open(Path path, LinkOption... options) throws IOException {
    requireRegularFile(path, options);
    return Files.newInputStream(path, options);
  }

  /**
   * The content of the regular file {@code path}.
   *
   * @param path the file to read
   * @param maxBytes the most bytes accepted
   * @param options {@link LinkOption#NOFOLLOW_LINKS} to refuse a link
   * @return the file's bytes
   * @throws FileKindException if it is not a regular file
   * @throws FileTooLargeException if it holds more than {@code maxBytes}
   */
  public static byte[] read(Path path, long maxBytes, LinkOption... options) throws IOException {
    long size = requireRegularFile(path, options);
    long limit = Math.min(maxBytes, MAX_ARRAY);
    if (size > limit) {
      throw new FileTooLargeException(path.toString(), limit);
    }
    try (InputStream in = Files.newInputStream(path, options)) {
      return readAtMost(in, size, limit, path.toString());
    }
  }

  /**
   * The lines of the UTF-8 text file {@code path} (split at LF, CR or CRLF).
   *
   * @param path the file to read
   * @param maxBytes the most bytes accepted
   * @return the lines, without line ends
   * @throws FileSystemException if it is not a regular file, too large or not UTF-8
   */
  public static List<String> readLines(Path path, long maxBytes) throws IOException {
    byte[] bytes = read(path, maxBytes);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString()
          .lines()
          .toList();
    } catch (CharacterCodingException e) {
      throw new FileSystemException(path.toString(), null, "is not UTF-8 text");
    }
  }

  /**
   * Reads {@code in} to its end, at most {@code limit} bytes. {@code expected} (the size {@code
   * stat} gave) sizes the first buffer; the file may still have grown or shrunk since.
   */
  static byte[] readAtMost(InputStream in, long expected, long limit, String name)
      throws IOException {
    byte[] buf = new byte[(int) Math.min(limit, expected > 0 ? expected : FIRST_BUFFER)];
    int n = 0;
    while (true) {
      if (n == buf.length) {
        // Full: look for one more byte before growing, so an exact guess costs no copy.
        int next = in.read();
        if (next < 0) {
          return buf;
        }
        if (n >= limit) {
          throw new FileTooLargeException(name, limit);
        }
        buf = Arrays.copyOf(buf, (int) Math.min(limit, Math.max(2L * n, FIRST_BUFFER)));
        buf[n++] = (byte) next;
        continue;
      }
      int r = in.read(buf, n, buf.length - n);
      if (r < 0) {
        return n == buf.length ? buf : Arrays.copyOf(buf, n);
      }
      n += r;
    }
  }
}
