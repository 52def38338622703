package dev.ocikit.image.unpack;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** {@link Syscalls} as direct C library calls through {@link Libc}: no process, no open(). */
final class LibcSyscalls implements Syscalls {
  /** File names in the encoding the JDK uses for them, so both name the same file. */
  private static final Charset FILE_NAMES = fileNameCharset();

  private static Charset fileNameCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /** A NUL-terminated C string. */
  private static byte[] c(String s, Charset cs) {
    byte[] b = s.getBytes(cs);
    return Arrays.copyOf(b, b.length + 1);
  }

  private static byte[] path(Path p) {
    return c(p.toString(), FILE_NAMES);
  }

  /** Xattr names travel in PAX records as UTF-8. */
  private static byte[] name(String xattr) {
    return c(xattr, StandardCharsets.UTF_8);
  }

  @Override
  public void mknod(Path p, RootFs.NodeType type, int perms, int major, int minor)
      throws IOException {
    int format =
        switch (type) {
          case FIFO -> Libc.S_IFIFO;
          case CHAR -> Libc.S_IFCHR;
          case BLOCK -> Libc.S_IFBLK;
        };
    try {
      Libc.mknod(path(p), format | (perms & 0777), Libc.makedev(major, minor));
    } catch (LastErrorException e) {
      throw failure("mknod", p, e);
    }
  }

  @Override
  public FileTime mtime(Path p) throws IOException {
    byte[] statx = new byte[256];
    try {
      Libc.statx(Libc.AT_FDCWD, path(p), Libc.AT_SYMLINK_NOFOLLOW, Libc.STATX_MTIME, statx);
    } catch (LastErrorException e) {
      throw failure("statx", p, e);
    }
    ByteBuffer b = ByteBuffer.wrap(statx).order(ByteOrder.nativeOrder());
    long seconds = b.getLong(Libc.STATX_MTIME_OFFSET);
    return FileTime.from(Instant.ofEpochSecond(seconds, b.getInt(Libc.STATX_MTIME_OFFSET + 8)));
  }

  @Override
  public void setTimes(Path p, FileTime mtime, FileTime atime, RootFs.Kind kind)
      throws IOException {
    Instant m = mtime.toInstant();
    Instant a = atime.toInstant();
    long[] times = {a.getEpochSecond(), a.getNano(), m.getEpochSecond(), m.getNano()};
    try {
      Libc.utimensat(Libc.AT_FDCWD, path(p), times, Libc.AT_SYMLINK_NOFOLLOW);
    } catch (LastErrorException e) {
      throw failure("utimensat", p, e);
    }
  }

  @Override
  public String setXattr(Path p, String name, byte[] value, RootFs.Kind kind) throws IOException {
    try {
      Libc.lsetxattr(path(p), name(name), value, value.length, 0);
      return null;
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Libc.EOPNOTSUPP) {
        return "xattr " + name + " not set: the filesystem does not support it";
      }
      IOException f = failure("lsetxattr " + name, p, e);
      if (e.getErrorCode() == Libc.EPERM) {
        // A namespace this user may not write (trusted.*, security.*): access, not privilege.
        throw new AccessDeniedException(p.toString(), null, ((FileSystemException) f).getReason());
      }
      throw f;
    }
  }

  @Override
  public List<String> listXattrs(Path p, RootFs.Kind kind) throws IOException {
    byte[] path = path(p);
    try {
      while (true) {
        long size = Libc.llistxattr(path, null, 0);
        if (size == 0) {
          return List.of();
        }
        byte[] list = new byte[(int) size];
        try {
          return names(list, (int) Libc.llistxattr(path, list, size));
        } catch (LastErrorException e) {
          if (e.getErrorCode() != Libc.ERANGE) {
            throw e;
          }
          // The list grew between the two calls: ask for its size again.
        }
      }
    } catch (LastErrorException e) {
      if (e.getErrorCode() == Libc.EOPNOTSUPP) {
        return List.of();
      }
      throw failure("llistxattr", p, e);
    }
  }

  private static List<String> names(byte[] list, int length) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < length; i++) {
      if (list[i] == 0) {
        out.add(new String(list, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    return out;
  }

  @Override
  public void removeXattr(Path p, String name, RootFs.Kind kind) throws IOException {
    try {
      Libc.lremovexattr(path(p), name(name));
    } catch (LastErrorException e) {
      if (e.getErrorCode() != Libc.ENODATA) {
        throw failure("lremovexattr " + name, p, e);
      }
    }
  }

  /**
   * The JDK's exception types for the errno values callers act on, else errno spelled out. As in
   * the JDK, EPERM (not root: a mknod or chown refused) stays a plain {@link FileSystemException}
   * and only EACCES is an {@link AccessDeniedException}.
   */
  static IOException failure(String call, Path p, LastErrorException e) {
    int errno = e.getErrorCode();
    String text = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^\\[\\d+\\] ", "");
    String reason = call + " failed: " + text + " (errno " + errno + ")";
    return switch (errno) {
      case Libc.EEXIST -> new FileAlreadyExistsException(p.toString(), null, reason);
      case Libc.ENOENT -> new NoSuchFileException(p.toString(), null, reason);
      case Libc.EACCES -> new AccessDeniedException(p.toString(), null, reason);
      default -> new FileSystemException(p.toString(), null, reason);
    };
  }
}
