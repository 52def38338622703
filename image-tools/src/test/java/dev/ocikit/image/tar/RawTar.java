package dev.ocikit.image.tar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes tar streams byte by byte, including the ones no archiver writes on purpose: wrong
 * checksums, global PAX records, repeated {@code size} records, base-256 numbers, names that are
 * not UTF-8. Every block is built here, so a test says exactly what the stream holds.
 */
public final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** An empty stream. */
  public static RawTar tar() {
    return new RawTar();
  }

  /** One header block; the fields default to a ustar regular file with mode 0644, uid/gid 0. */
  public static final class Header {
    private final byte[] b = new byte[512];
    private boolean checksumSet;

    Header(byte[] name, char type, long size) {
      put(0, name, 100);
      octal(100, 8, 0644);
      octal(108, 8, 0);
      octal(116, 8, 0);
      octal(124, 12, size);
      octal(136, 12, 1_600_000_000L);
      b[156] = (byte) type;
      put(257, "ustar\0".getBytes(StandardCharsets.US_ASCII), 6);
      put(263, "00".getBytes(StandardCharsets.US_ASCII), 2);
    }

    /** Sets the mode field. */
    public Header mode(int mode) {
      octal(100, 8, mode);
      return this;
    }

    /** Sets the uid and gid fields. */
    public Header ids(long uid, long gid) {
      octal(108, 8, uid);
      octal(116, 8, gid);
      return this;
    }

    /** Sets the link name field. */
    public Header link(String target) {
      put(157, target.getBytes(StandardCharsets.UTF_8), 100);
      return this;
    }

    /** Sets the ustar prefix field. */
    public Header prefix(String prefix) {
      put(345, prefix.getBytes(StandardCharsets.UTF_8), 155);
      return this;
    }

    /** Sets the device number fields. */
    public Header device(int major, int minor) {
      octal(329, 8, major);
      octal(337, 8, minor);
      return this;
    }

    /** Writes the size in GNU base-256. */
    public Header base256Size(long size) {
      Arrays.fill(b, 124, 136, (byte) 0);
      b[124] = (byte) 0x80;
      for (int i = 135; i > 124; i--) {
        b[i] = (byte) size;
        size >>>= 8;
      }
      return this;
    }

    /** The old GNU magic ({@code "ustar \0"}), without a prefix field. */
    public Header gnu() {
      put(257, "ustar  \0".getBytes(StandardCharsets.US_ASCII), 8);
      return this;
    }

    /** Stores a checksum that does not match the block. */
    public Header wrongChecksum() {
      checksumSet = true;
      octal(148, 7, 12345);
      b[155] = ' ';
      return this;
    }

    byte[] block() {
      if (!checksumSet) {
        Arrays.fill(b, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte x : b) {
          sum += x & 0xff;
        }
        octal(148, 7, sum);
        b[155] = ' ';
      }
      return b.clone();
    }

    private void put(int off, byte[] v, int max) {
      Arrays.fill(b, off, off + max, (byte) 0);
      System.arraycopy(v, 0, b, off, Math.min(v.length, max));
    }

    private void octal(int off, int len, long v) {
      String s = String.format("%0" + (len - 1) + "o", v);
      put(off, (s + "\0").getBytes(StandardCharsets.US_ASCII), len);
    }
  }

  /** A header to adjust and then {@link #add} (name bytes as given). */
  public static Header header(byte[] name, char type, long size) {
    return new Header(name, type, size);
  }

  /** A header to adjust and then {@link #add}. */
  public static Header header(String name, char type, long size) {
    return header(name.getBytes(StandardCharsets.UTF_8), type, size);
  }

  /** Appends a header block. */
  public RawTar add(Header h) {
    out.writeBytes(h.block());
    return this;
  }

  /** Appends content and pads it to a whole block. */
  public RawTar body(byte[] content) {
    out.writeBytes(content);
    out.writeBytes(new byte[-content.length & 511]);
    return this;
  }

  /** A regular file with its content. */
  public RawTar file(String name, String content) {
    byte[] c = content.getBytes(StandardCharsets.UTF_8);
    return add(header(name, '0', c.length)).body(c);
  }

  /** A directory. */
  public RawTar dir(String name) {
    return add(header(name, '5', 0).mode(0755));
  }

  /** A PAX header ({@code 'x'} or {@code 'g'}) holding {@code key=value} records. */
  public RawTar pax(char type, String... records) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (String r : records) {
      body.writeBytes(record(r.getBytes(StandardCharsets.UTF_8)));
    }
    return paxBody(type, body.toByteArray());
  }

  /** A PAX header with a body given as is. */
  public RawTar paxBody(char type, byte[] body) {
    return add(header("PaxHeaders/x", type, body.length)).body(body);
  }

  /** One PAX record {@code "<len> key=value\n"} for {@code keyValue}. */
  public static byte[] record(byte[] keyValue) {
    int n = keyValue.length + 3;
    while (Integer.toString(n).length() + 2 + keyValue.length != n) {
      n++;
    }
    ByteArrayOutputStream r = new ByteArrayOutputStream();
    r.writeBytes((n + " ").getBytes(StandardCharsets.US_ASCII));
    r.writeBytes(keyValue);
    r.write('\n');
    return r.toByteArray();
  }

  /** A GNU long name ({@code 'L'}) or link name ({@code 'K'}) record. */
  public RawTar gnuLong(char type, String value) {
    byte[] v = (value + "\0").getBytes(StandardCharsets.UTF_8);
    return add(header("././@LongLink", type, v.length).gnu()).body(v);
  }

  /** Appends bytes as they are. */
  public RawTar raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  /** The end-of-archive marker: two zero blocks. */
  public RawTar end() {
    out.writeBytes(new byte[1024]);
    return this;
  }

  /** The stream so far. */
  public byte[] bytes() {
    return out.toByteArray();
  }
}
