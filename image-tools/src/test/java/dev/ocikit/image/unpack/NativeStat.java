package dev.ocikit.image.unpack;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads what the JDK cannot: a file's exact mtime in any year ({@code statx}; the JDK keeps only
 * microseconds past 2262) and its xattrs of every namespace, never following a final symlink.
 */
final class NativeStat {
  private static final int AT_FDCWD = -100;
  private static final int AT_SYMLINK_NOFOLLOW = 0x100;
  private static final int STATX_MTIME = 0x40;
  private static final int MTIME_OFFSET = 112; // struct statx: stx_mtime {s64 sec; u32 nsec}

  static {
    Native.register(NativeStat.class, Platform.C_LIBRARY_NAME);
  }

  private NativeStat() {}

  private static native int statx(int dirfd, byte[] path, int flags, int mask, byte[] buf)
      throws LastErrorException;

  private static native long llistxattr(byte[] path, byte[] list, long size)
      throws LastErrorException;

  private static native long lgetxattr(byte[] path, byte[] name, byte[] value, long size)
      throws LastErrorException;

  private static byte[] c(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(b, b.length + 1);
  }

  /** The modification time of {@code p} itself, to the nanosecond. */
  static Instant mtime(Path p) throws IOException {
    byte[] buf = new byte[256];
    try {
      statx(AT_FDCWD, c(p.toString()), AT_SYMLINK_NOFOLLOW, STATX_MTIME, buf);
    } catch (LastErrorException e) {
      throw new IOException("statx " + p + ": " + e.getMessage(), e);
    }
    ByteBuffer b = ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder());
    return Instant.ofEpochSecond(b.getLong(MTIME_OFFSET), b.getInt(MTIME_OFFSET + 8));
  }

  /** Every xattr of {@code p} itself: name to value (text when printable, else hex). */
  static SortedMap<String, String> xattrs(Path p) throws IOException {
    SortedMap<String, String> out = new TreeMap<>();
    byte[] path = c(p.toString());
    try {
      byte[] list = new byte[65536];
      int n = (int) llistxattr(path, list, list.length);
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (list[i] == 0) {
          String name = new String(list, start, i - start, StandardCharsets.UTF_8);
          byte[] value = new byte[65536];
          int len = (int) lgetxattr(path, c(name), value, value.length);
          out.put(name, text(Arrays.copyOf(value, len)));
          start = i + 1;
        }
      }
    } catch (LastErrorException e) {
      throw new IOException("xattrs of " + p + ": " + e.getMessage(), e);
    }
    return out;
  }

  private static String text(byte[] v) {
    String s = new String(v, StandardCharsets.UTF_8);
    boolean printable = Arrays.equals(s.getBytes(StandardCharsets.UTF_8), v);
    for (int i = 0; printable && i < s.length(); i++) {
      printable = !Character.isISOControl(s.charAt(i));
    }
    return printable ? s : "0x" + HexFormat.of().formatHex(v);
  }
}
