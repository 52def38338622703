package dev.ocikit.image.unpack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Looks at each 512-byte tar header before commons-compress does, so that a huge PAX extended
 * header or GNU long name is refused before anything buffers it in memory. It tracks block
 * boundaries from the header sizes (and a PAX {@code size} override); if it meets a block whose
 * checksum is wrong it stops guarding and lets the tar parser report the corruption.
 */
final class TarHeaderGuard extends InputStream {
  private static final int BLOCK = 512;
  private final InputStream in;
  private final int maxPax;
  private final int maxName;
  private final byte[] block = new byte[BLOCK];
  private int pos = BLOCK;
  private int len = BLOCK;
  private long dataBlocks;
  private boolean collectingPax;
  private final StringBuilder pax = new StringBuilder();
  private long sizeOverride = -1;
  private boolean disabled;

  TarHeaderGuard(InputStream in, int maxPaxHeaderSize, int maxPathLength) {
    this.in = in;
    this.maxPax = maxPaxHeaderSize;
    this.maxName = maxPathLength;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] buf, int off, int n) throws IOException {
    if (n == 0) {
      return 0;
    }
    if (pos == len && n >= BLOCK && (disabled || (dataBlocks > 0 && !collectingPax))) {
      return bulk(buf, off, n);
    }
    if (pos == len && !fill()) {
      return -1;
    }
    int c = Math.min(n, len - pos);
    System.arraycopy(block, pos, buf, off, c);
    pos += c;
    return c;
  }

  /**
   * Entry data (whole blocks, no PAX header being collected) or an unguarded stream passes straight
   * through in large reads: only headers need looking at.
   */
  private int bulk(byte[] buf, int off, int n) throws IOException {
    if (disabled) {
      return in.read(buf, off, n);
    }
    int want = (int) Math.min(n / BLOCK, dataBlocks) * BLOCK;
    int got = in.readNBytes(buf, off, want);
    dataBlocks -= (got + BLOCK - 1) / BLOCK; // a short read is the end of the stream
    return got == 0 ? -1 : got;
  }

  private boolean fill() throws IOException {
    len = in.readNBytes(block, 0, BLOCK);
    pos = 0;
    if (len == 0) {
      return false;
    }
    if (disabled || len < BLOCK) {
      return true;
    }
    if (dataBlocks > 0) {
      dataBlocks--;
      if (collectingPax) {
        pax.append(new String(block, StandardCharsets.UTF_8));
        collectingPax = dataBlocks > 0;
        if (!collectingPax) {
          sizeOverride = paxSize(pax.toString());
        }
      }
      return true;
    }
    inspectHeader();
    return true;
  }

  private void inspectHeader() throws UnpackLimitException {
    if (allZero() || !checksumOk()) {
      disabled = !allZero();
      return;
    }
    char type = (char) block[156];
    long size = parseSize();
    if ((type == 'x' || type == 'g') && size > maxPax) {
      throw new UnpackLimitException(
          "limit maxPaxHeaderSize=" + maxPax + " exceeded: PAX header of " + size + " bytes");
    }
    if ((type == 'L' || type == 'K') && size > maxName + 1L) {
      throw new UnpackLimitException(
          "limit maxPathLength=" + maxName + " exceeded: GNU long name of " + size + " bytes");
    }
    if (type == 'x') {
      pax.setLength(0);
      collectingPax = size > 0;
    } else if (type != 'g' && type != 'L' && type != 'K' && sizeOverride >= 0) {
      size = sizeOverride;
      sizeOverride = -1;
    }
    // Links, directories and device nodes carry no data whatever their size field says.
    if (type == '1' || type == '2' || type == '3' || type == '4' || type == '5' || type == '6') {
      size = 0;
    }
    dataBlocks = (size + BLOCK - 1) / BLOCK;
  }

  private boolean allZero() {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private boolean checksumOk() {
    long stored = octal(148, 8);
    long unsigned = 0;
    for (int i = 0; i < BLOCK; i++) {
      unsigned += (i >= 148 && i < 156) ? ' ' : (block[i] & 0xff);
    }
    return stored == unsigned;
  }

  private long parseSize() {
    if ((block[124] & 0x80) != 0) {
      long v = 0;
      for (int i = 125; i < 136; i++) {
        v = (v << 8) | (block[i] & 0xff);
      }
      return v < 0 ? Long.MAX_VALUE : v;
    }
    return octal(124, 12);
  }

  private long octal(int off, int n) {
    long v = 0;
    for (int i = off; i < off + n; i++) {
      int b = block[i];
      if (b >= '0' && b <= '7') {
        v = v * 8 + (b - '0');
      } else if (b != ' ' || v != 0) {
        if (b == 0 || b == ' ') {
          break;
        }
      }
    }
    return v;
  }

  /** The value of a PAX {@code size} record, or -1. */
  private static long paxSize(String records) {
    for (String line : records.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0 && line.startsWith("size=", sp + 1)) {
        try {
          return Long.parseLong(line.substring(sp + 6).trim());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
