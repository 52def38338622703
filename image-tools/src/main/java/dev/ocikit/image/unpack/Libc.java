package dev.ocikit.image.unpack;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * The C library calls the JDK lacks, bound once through JNA's direct mapping (no per-call
 * reflection): {@code mknod}, {@code utimensat} and the {@code l*xattr} family, none of which opens
 * or follows the final component of its path. Paths and names are NUL-terminated byte arrays; a
 * failure throws {@link LastErrorException} carrying errno.
 *
 * <p>Binding needs JNA's native part, a 64-bit C library with these symbols (glibc 2.33 or later
 * has {@code mknod} as a real function) and Linux constants; {@link #unavailable()} says why not.
 */
final class Libc {
  static final int AT_FDCWD = -100;
  static final int AT_SYMLINK_NOFOLLOW = 0x100;
  static final int STATX_MTIME = 0x40;
  static final int STATX_MTIME_OFFSET = 112; // stx_mtime: {s64 tv_sec; u32 tv_nsec}
  static final int S_IFIFO = 0010000;
  static final int S_IFCHR = 0020000;
  static final int S_IFBLK = 0060000;
  static final int EPERM = 1;
  static final int ENOENT = 2;
  static final int EACCES = 13;
  static final int EEXIST = 17;
  static final int ENODATA = 61;
  static final int EOPNOTSUPP = 95;
  static final int ERANGE = 34;

  private static final String UNAVAILABLE = bind();

  private Libc() {}

  private static String bind() {
    try {
      if (!Platform.isLinux() || Native.LONG_SIZE != 8) {
        return "only 64-bit Linux is supported";
      }
      try {
        // By its soname: for the short name "c" JNA would look for a libc.so (a linker script
        // where present at all) and then scan the library directories.
        Native.register(Libc.class, "libc.so.6");
      } catch (UnsatisfiedLinkError notGlibc) {
        Native.register(Libc.class, Platform.C_LIBRARY_NAME);
      }
      return null;
    } catch (LinkageError | RuntimeException e) {
      // UnsatisfiedLinkError: no native part for this platform, a noexec temp directory, or a
      // C library without one of the symbols.
      return e.toString();
    }
  }

  /** Null when the calls are bound, else why they are not. */
  static String unavailable() {
    return UNAVAILABLE;
  }

  /** The device number of {@code major}:{@code minor}, as glibc's {@code makedev}. */
  static long makedev(int major, int minor) {
    long ma = major & 0xffffffffL;
    long mi = minor & 0xffffffffL;
    return ((ma & 0xfffff000L) << 32)
        | ((ma & 0xfffL) << 8)
        | ((mi & 0xffffff00L) << 12)
        | (mi & 0xffL);
  }

  static native int mknod(byte[] path, int mode, long dev) throws LastErrorException;

  /** {@code times}: access seconds and nanoseconds, then modification seconds and nanoseconds. */
  static native int utimensat(int dirfd, byte[] path, long[] times, int flags)
      throws LastErrorException;

  /** {@code buf}: a {@code struct statx} (256 bytes), whose layout is the same on every arch. */
  static native int statx(int dirfd, byte[] path, int flags, int mask, byte[] buf)
      throws LastErrorException;

  static native int lsetxattr(byte[] path, byte[] name, byte[] value, long size, int flags)
      throws LastErrorException;

  static native long llistxattr(byte[] path, byte[] list, long size) throws LastErrorException;

  static native int lremovexattr(byte[] path, byte[] name) throws LastErrorException;
}
