package dev.ocikit.image.tar;

/**
 * Fields of one 512-byte header block, read where the block lies in the reader's buffer. Numbers
 * are octal (spaces and NULs around them ignored) or GNU base-256; the checksum may be the unsigned
 * or the signed sum of the block, as Go's archive/tar accepts.
 */
final class TarHeader {
  static final int BLOCK = 512;

  private final byte[] buf;
  private final int h;

  /** The block at {@code h} in {@code buf}. */
  TarHeader(byte[] buf, int h) {
    this.buf = buf;
    this.h = h;
  }

  /** The archive format, from the magic at offset 257. */
  enum Format {
    V7,
    USTAR,
    STAR,
    GNU
  }

  static boolean isZero(byte[] buf, int h) {
    for (int i = h; i < h + BLOCK; i++) {
      if (buf[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /** Null when the stored checksum matches, else why not. */
  String checksumProblem() {
    long stored;
    try {
      stored = number(148, 8, "checksum");
    } catch (NumberFormatException e) {
      return e.getMessage();
    }
    long unsigned = 0;
    long signed = 0;
    for (int i = 0; i < BLOCK; i++) {
      byte b = i >= 148 && i < 156 ? (byte) ' ' : buf[h + i];
      unsigned += b & 0xff;
      signed += b;
    }
    if (stored == unsigned || stored == signed) {
      return null;
    }
    return "the header checksum is " + stored + " but the header sums to " + unsigned;
  }

  char typeflag() {
    return (char) (buf[h + 156] & 0xff);
  }

  Format format() {
    if (buf[h + 257] == 'u'
        && buf[h + 258] == 's'
        && buf[h + 259] == 't'
        && buf[h + 260] == 'a'
        && buf[h + 261] == 'r') {
      if (buf[h + 262] == ' ' && buf[h + 263] == ' ' && buf[h + 264] == 0) {
        return Format.GNU;
      }
      if (buf[h + 262] == 0) {
        boolean star = buf[h + 508] == 't' && buf[h + 509] == 'a' && buf[h + 510] == 'r';
        return star ? Format.STAR : Format.USTAR;
      }
    }
    return Format.V7;
  }

  /** The name field, with the ustar (or star) prefix in front when there is one. */
  byte[] name(Format f) {
    int nameLen = cLength(0, 100);
    int prefixLen =
        switch (f) {
          case USTAR -> cLength(345, 155);
          case STAR -> cLength(345, 131);
          default -> 0;
        };
    if (prefixLen == 0) {
      return copy(0, nameLen);
    }
    byte[] out = new byte[prefixLen + 1 + nameLen];
    System.arraycopy(buf, h + 345, out, 0, prefixLen);
    out[prefixLen] = '/';
    System.arraycopy(buf, h, out, prefixLen + 1, nameLen);
    return out;
  }

  byte[] linkName() {
    return copy(157, cLength(157, 100));
  }

  /** The uname ({@code 265}) or gname ({@code 297}) field; empty in the old V7 format. */
  String owner(Format f, int off) {
    return f == Format.V7 ? "" : TarText.decode(buf, h + off, cLength(off, 32));
  }

  /**
   * An octal or base-256 number field.
   *
   * @throws NumberFormatException naming the field when it is neither or does not fit a long
   */
  long number(int off, int len, String field) {
    int o = h + off;
    if ((buf[o] & 0x80) != 0) {
      // Two's complement, big-endian, in the bits after the marker bit.
      boolean negative = (buf[o] & 0x40) != 0;
      long v = negative ? -1 : 0;
      v = (v << 7) | (buf[o] & 0x7f);
      for (int i = 1; i < len; i++) {
        if ((v >> 55) != (negative ? -1 : 0)) {
          throw new NumberFormatException("the " + field + " field in base-256 does not fit");
        }
        v = (v << 8) | (buf[o + i] & 0xff);
      }
      return v;
    }
    int i = o;
    int end = o + len;
    while (i < end && (buf[i] == ' ' || buf[i] == 0)) {
      i++;
    }
    long v = 0;
    for (; i < end && buf[i] != ' ' && buf[i] != 0; i++) {
      int d = buf[i] - '0';
      if (d < 0 || d > 7 || v > (Long.MAX_VALUE >> 3)) {
        throw new NumberFormatException("the " + field + " field is not an octal number");
      }
      v = (v << 3) | d;
    }
    for (; i < end; i++) {
      if (buf[i] != ' ' && buf[i] != 0) {
        throw new NumberFormatException("the " + field + " field is not an octal number");
      }
    }
    return v;
  }

  /** A number field that must not be negative. */
  long unsigned(int off, int len, String field) {
    long v = number(off, len, field);
    if (v < 0) {
      throw new NumberFormatException("the " + field + " field is negative");
    }
    return v;
  }

  /** A number field that must fit a non-negative int. */
  int smallUnsigned(int off, int len, String field) {
    long v = unsigned(off, len, field);
    if (v > Integer.MAX_VALUE) {
      throw new NumberFormatException("the " + field + " field is too large: " + v);
    }
    return (int) v;
  }

  /** GNU's atime field: seconds, or 0 when it is empty or not a number (as old writers left it). */
  long gnuAtime() {
    if (buf[h + 345] == 0) {
      return 0;
    }
    try {
      return number(345, 12, "atime");
    } catch (NumberFormatException ignored) {
      return 0;
    }
  }

  private int cLength(int off, int max) {
    int n = 0;
    while (n < max && buf[h + off + n] != 0) {
      n++;
    }
    return n;
  }

  private byte[] copy(int off, int len) {
    byte[] out = new byte[len];
    System.arraycopy(buf, h + off, out, 0, len);
    return out;
  }

  /** The C string in {@code b}: up to the first NUL. */
  static byte[] cString(byte[] b) {
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return n == b.length ? b : java.util.Arrays.copyOf(b, n);
  }
}
