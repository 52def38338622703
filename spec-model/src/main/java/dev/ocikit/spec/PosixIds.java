package dev.ocikit.spec;

import java.util.OptionalLong;

/**
 * User and group ids written as text (a {@code Config.User}, an {@code /etc/passwd} field, a
 * command-line map): ASCII digits only. Java's {@code Character.isDigit} and {@code Long.parseLong}
 * also take the digits of other scripts ("１０００", "١٠٠٠"), which no kernel, libc or runtime reads as
 * a number, so such a value must not become uid 1000 here either.
 *
 * @see <a
 *     href="https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#posix-platform-user">
 *     runtime-spec: uid and gid are 32-bit unsigned</a>
 */
public final class PosixIds {
  /** The largest id, 2^32-1. */
  public static final long MAX = 0xFFFF_FFFFL;

  private PosixIds() {}

  /**
   * {@return whether {@code unsafe} is one or more ASCII digits (a number, in range or not)}
   *
   * @param unsafe the untrusted text
   */
  public static boolean isNumeric(String unsafe) {
    if (unsafe == null || unsafe.isEmpty()) {
      return false;
    }
    for (int i = 0; i < unsafe.length(); i++) {
      char c = unsafe.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * The id {@code unsafe} spells in ASCII digits, or empty when it is not one or exceeds MAX.
   *
   * @param unsafe the untrusted text
   * @return the id, or empty
   */
  public static OptionalLong parse(String unsafe) {
    if (!isNumeric(unsafe)) {
      return OptionalLong.empty();
    }
    int start = 0;
    while (start < unsafe.length() - 1 && unsafe.charAt(start) == '0') {
      start++; // leading zeros do not change the value
    }
    if (unsafe.length() - start > 10) {
      return OptionalLong.empty();
    }
    long v = Long.parseLong(unsafe, start, unsafe.length(), 10);
    return v <= MAX ? OptionalLong.of(v) : OptionalLong.empty();
  }
}
