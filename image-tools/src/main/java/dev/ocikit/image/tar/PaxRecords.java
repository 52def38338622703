package dev.ocikit.image.tar;

import dev.ocikit.image.TarLimits;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The PAX records in force for one entry (those of its {@code x} headers) or for all that follow (
 * those of {@code g} headers). Within and across headers the last record for a key wins. Only the
 * keys the reader interprets are kept, and at most {@link TarLimits#maxPaxHeaderSize()} bytes of
 * them, so memory is bounded whatever a stream repeats.
 *
 * <p>Records are {@code "<length> <key>=<value>\n"}; the length counts the whole record in bytes.
 */
final class PaxRecords {
  static final String XATTR = "SCHILY.xattr.";
  static final String SPARSE = "GNU.sparse.";

  /** The standard keys the reader applies, in the order of {@link #value}'s slots. */
  enum Key {
    PATH("path"),
    LINKPATH("linkpath"),
    SIZE("size"),
    UID("uid"),
    GID("gid"),
    UNAME("uname"),
    GNAME("gname"),
    MTIME("mtime"),
    ATIME("atime");

    final String word;

    Key(String word) {
      this.word = word;
    }

    static Key of(String word) {
      for (Key k : values()) {
        if (k.word.equals(word)) {
          return k;
        }
      }
      return null;
    }
  }

  private final byte[][] values = new byte[Key.values().length][];
  private final Map<String, byte[]> xattrs = new LinkedHashMap<>();
  private String sparseKey;
  private long bytes;

  void clear() {
    java.util.Arrays.fill(values, null);
    xattrs.clear();
    sparseKey = null;
    bytes = 0;
  }

  /** The value of {@code key}; an empty array when a record set it empty, null when none did. */
  byte[] value(Key key) {
    return values[key.ordinal()];
  }

  Map<String, byte[]> xattrs() {
    return xattrs;
  }

  /** A {@code GNU.sparse.*} key seen, or null. */
  String sparseKey() {
    return sparseKey;
  }

  /** Record bytes kept: values, and the names of xattrs. */
  long bytes() {
    return bytes;
  }

  /**
   * Reads the records of one header body into this set.
   *
   * @param global whether they come from a {@code g} header, where an empty value deletes the key
   * @param where the place in the stream, for the message
   * @throws TarFormatException if a record is malformed
   */
  void add(byte[] body, boolean global, Supplier<String> where) throws TarFormatException {
    int i = 0;
    while (i < body.length) {
      int space = i;
      long len = 0;
      while (space < body.length
          && body[space] >= '0'
          && body[space] <= '9'
          && len <= body.length) {
        len = len * 10 + (body[space] - '0');
        space++;
      }
      if (space == i || space >= body.length || body[space] != ' ') {
        throw new TarFormatException(where.get(), "a PAX record does not start with its length");
      }
      long end = i + len;
      if (end > body.length || end <= space + 1 || body[(int) end - 1] != '\n') {
        throw new TarFormatException(
            where.get(), "a PAX record's length does not match its content");
      }
      int eq = space + 1;
      while (eq < end - 1 && body[eq] != '=') {
        eq++;
      }
      if (eq == end - 1 || eq == space + 1) {
        throw new TarFormatException(where.get(), "a PAX record has no key=value");
      }
      put(body, space + 1, eq, (int) end - 1, global, where);
      i = (int) end;
    }
  }

  /** One record: key in {@code [k, eq)}, value in {@code (eq, end)}. */
  private void put(byte[] b, int k, int eq, int end, boolean global, Supplier<String> where)
      throws TarFormatException {
    String key = new String(b, k, eq - k, java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] value = java.util.Arrays.copyOfRange(b, eq + 1, end);
    Key known = Key.of(key);
    if (known != null) {
      if ((known == Key.PATH || known == Key.LINKPATH || known == Key.UNAME || known == Key.GNAME)
          && indexOfNul(value) >= 0) {
        throw new TarFormatException(where.get(), "the PAX " + key + " record holds a NUL byte");
      }
      byte[] old = values[known.ordinal()];
      bytes -= old == null ? 0 : old.length;
      values[known.ordinal()] = global && value.length == 0 ? null : value;
      bytes += value.length;
    } else if (key.startsWith(XATTR) && key.length() > XATTR.length()) {
      String name = TarText.decode(b, k + XATTR.length(), eq - k - XATTR.length());
      byte[] old = xattrs.put(name, value);
      bytes += value.length + (old == null ? eq - k : -old.length);
    } else if (key.startsWith(SPARSE) && sparseKey == null) {
      sparseKey = key;
    }
    // Other keys (comment, charset, ctime, vendor records) change nothing the tools use.
  }

  private static int indexOfNul(byte[] b) {
    for (int i = 0; i < b.length; i++) {
      if (b[i] == 0) {
        return i;
      }
    }
    return -1;
  }
}
