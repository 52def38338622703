package dev.ocikit.image.unpack;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts decompressed bytes over all layers of one unpack and fails once the total passes {@link
 * UnpackOptions#maxTotalBytes()}: this bounds gzip/zstd bombs whatever the tar headers claim.
 */
final class ByteBudget {
  private final long limit;
  private long used;

  ByteBudget(long limit) {
    this.limit = limit;
  }

  long used() {
    return used;
  }

  /** Wraps a decompressed stream so that every byte read is charged to this budget. */
  InputStream wrap(InputStream in) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          charge(1);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          charge(n);
        }
        return n;
      }

      @Override
      public long skip(long n) throws IOException {
        // Reading instead of skipping keeps the count exact.
        int r = read(new byte[(int) Math.min(Math.max(n, 0), 8192)]);
        return Math.max(r, 0);
      }
    };
  }

  private void charge(long n) throws UnpackLimitException {
    used += n;
    if (used > limit) {
      throw new UnpackLimitException(
          "limit maxTotalBytes="
              + limit
              + " exceeded: layers expand to more than "
              + limit
              + " bytes");
    }
  }
}
