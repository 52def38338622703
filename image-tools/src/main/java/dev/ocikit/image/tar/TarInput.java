package dev.ocikit.image.tar;

import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * The stream under a {@link TarReader}: one large reused buffer, filled with large reads, every
 * byte read charged to the budget. Reads run up to a buffer ahead of parsing, so a total passed is
 * reported once parsing reaches the byte that passed it, and the message names the entry that byte
 * belongs to.
 */
final class TarInput {
  private static final int BLOCK = TarHeader.BLOCK;

  /** A body read at least this large goes straight from the stream into the caller's array. */
  private static final int DIRECT_READ = 1 << 16;

  private final InputStream in;
  private final TarBudget budget;
  private final boolean seeking;
  private final Supplier<String> where;
  private final byte[] buf = new byte[TarReader.BUFFER];
  private int pos;
  private int limit;
  private long base; // stream offset of buf[0]
  private boolean eof;
  private long overAt = Long.MAX_VALUE; // stream offset past which the budget's total is exceeded

  /**
   * @param seeking skip by {@link InputStream#skip} (a file) rather than by reading
   * @param where the place in the archive, for messages
   */
  TarInput(InputStream in, TarBudget budget, boolean seeking, Supplier<String> where) {
    this.in = in;
    this.budget = budget;
    this.seeking = seeking;
    this.where = where;
  }

  byte[] buffer() {
    return buf;
  }

  /** Where the next unread byte is in {@link #buffer()}. */
  int pos() {
    return pos;
  }

  /** The stream offset of the next unread byte. */
  long offset() {
    return base + pos;
  }

  /** Makes one whole block available at {@link #pos()}; false at a clean end of the stream. */
  boolean block() throws IOException {
    if (limit - pos >= BLOCK) {
      return true;
    }
    fill();
    if (limit == pos) {
      return false;
    }
    if (limit - pos < BLOCK) {
      throw new TarFormatException(where.get(), "the stream ends inside a 512-byte header");
    }
    return true;
  }

  /** Consumes {@code n} bytes already in the buffer. */
  void advance(int n) throws TarLimitException {
    pos += n;
    consumed();
  }

  /** Exactly {@code size} bytes, copied out of the stream. */
  byte[] read(int size, String what) throws IOException {
    byte[] out = new byte[size];
    int done = 0;
    while (done < size) {
      if (pos == limit) {
        fill();
        if (pos == limit) {
          throw new TarFormatException(where.get(), "the stream ends inside " + what);
        }
      }
      int step = Math.min(size - done, limit - pos);
      System.arraycopy(buf, pos, out, done, step);
      done += step;
      advance(step);
    }
    return out;
  }

  /** Up to {@code len} bytes into {@code b}, or -1 at the end of the stream. */
  int readSome(byte[] b, int off, int len) throws IOException {
    if (pos == limit && len >= DIRECT_READ && !eof) {
      base += limit;
      pos = 0;
      limit = 0;
      int n = in.read(b, off, len);
      if (n < 0) {
        eof = true;
        return -1;
      }
      charge(n, base + n);
      base += n;
      consumed();
      return n;
    }
    if (pos == limit) {
      fill();
      if (pos == limit) {
        return -1;
      }
    }
    int n = Math.min(len, limit - pos);
    System.arraycopy(buf, pos, b, off, n);
    advance(n);
    return n;
  }

  /** Steps over {@code n} bytes; a short stream is an error when {@code required}. */
  void skip(long n, boolean required) throws IOException {
    long left = n;
    while (left > 0) {
      if (pos == limit) {
        if (seeking && left > BLOCK) {
          base += limit;
          pos = 0;
          limit = 0;
          long s = in.skip(left);
          if (s > 0) {
            base += s;
            left -= s;
            continue;
          }
        }
        fill();
        if (pos == limit) {
          if (!required) {
            return;
          }
          throw new TarFormatException(
              where.get(), "the stream ends inside the entry, " + left + " bytes short");
        }
      }
      int step = (int) Math.min(left, limit - pos);
      left -= step;
      advance(step);
    }
  }

  /** Reads the rest of the stream without looking at it. */
  void drain() throws IOException {
    advance(limit - pos);
    while (!eof) {
      fill();
      advance(limit - pos);
    }
  }

  /** Moves the unread rest to the front and reads until the buffer is full or the stream ends. */
  private void fill() throws IOException {
    int rest = limit - pos;
    System.arraycopy(buf, pos, buf, 0, rest);
    base += pos;
    pos = 0;
    limit = rest;
    while (!eof && limit < buf.length) {
      int n = in.read(buf, limit, buf.length - limit);
      if (n < 0) {
        eof = true;
      } else {
        limit += n;
        charge(n, base + limit);
      }
    }
  }

  /** Charges {@code n} bytes just read, ending at stream offset {@code end}. */
  private void charge(int n, long end) {
    long over = budget.addBytes(n);
    if (over > 0 && overAt == Long.MAX_VALUE) {
      overAt = end - over;
    }
  }

  /** Fails once the bytes consumed pass the total the budget allows. */
  private void consumed() throws TarLimitException {
    if (base + pos > overAt) {
      long max = budget.limits().maxTotalBytes();
      throw new TarLimitException(
          where.get(), "maxTotalBytes", max, "layers expand to more than " + max + " bytes");
    }
  }
}
