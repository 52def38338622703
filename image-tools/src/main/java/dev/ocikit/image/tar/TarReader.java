package dev.ocikit.image.tar;

import dev.ocikit.image.TarLimits;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a tar stream entry by entry over one large reused buffer: headers are parsed where they lie
 * in the buffer and bodies the caller does not read are stepped over without being copied. Every
 * byte read from the stream is charged to a {@link TarBudget}, and every size a header declares for
 * something that is kept in memory (PAX records, GNU long names) is checked against its {@link
 * TarLimits} before it is read, so memory stays bounded by the limits whatever the input.
 *
 * <p>The interpretation, one for every tool: header checksums must match (the unsigned or the
 * signed sum); octal or base-256 numbers; the ustar (or star) prefix; GNU long names ({@code L})
 * and link names ({@code K}); PAX records, the last one for a key winning, from an entry's own
 * {@code x} headers, else from the global {@code g} headers before it, which apply to every
 * following entry until a later global record replaces them. A local PAX {@code path} wins over a
 * GNU long name, which wins over a global {@code path}. A PAX {@code size} applies to the next
 * entry only, never to another extended header. An empty value in a local record means "not set
 * here" (the header's field applies); in a global record it deletes the key. Hardlinks, symlinks,
 * devices, directories and FIFOs have no body whatever their size says. A sparse entry is refused
 * ({@link SparseEntryException}) from its header, without reading its map. The first all-zero block
 * ends the archive and the rest of the stream is read (and charged) without being parsed, so
 * digests around the stream see every byte; a stream that ends cleanly at a header boundary is
 * accepted, and {@link #endMarkerMissing()} says so.
 *
 * <p>For bad input it throws only {@link TarException} subtypes; a failure of the stream underneath
 * passes through unchanged.
 *
 * @see <a href="https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html">pax: ustar and
 *     extended header formats</a>
 */
public final class TarReader {
  /** Read size: large reads keep the per-call cost of the streams below the hash's. */
  public static final int BUFFER = 1 << 20;

  private static final int BLOCK = TarHeader.BLOCK;

  private final TarInput input;
  private final TarBudget budget;
  private final boolean seeking;
  private final InputStream body = new Body();
  private final PaxRecords local = new PaxRecords();
  private final PaxRecords global = new PaxRecords();
  private boolean ended;
  private boolean unmarked; // the stream ended where a header could start, with no zero block
  private boolean draining;
  private boolean metaPending; // an x, L or K header was read, and not yet its entry
  private byte[] longName;
  private byte[] longLink;
  private String current; // name of the entry whose body is next, or null
  private String last; // name of the last entry returned
  private long bodyLeft;
  private int padLeft;
  private long bodyOffset;

  private TarReader(InputStream in, TarBudget budget, boolean seeking) {
    this.input = new TarInput(in, budget, seeking, this::where);
    this.budget = budget;
    this.seeking = seeking;
  }

  /** A reader of a layer stream: every byte is read through, so a digest around it sees all. */
  public TarReader(InputStream in, TarBudget budget) {
    this(in, budget, false);
  }

  /**
   * A reader of a file whose stream skips by seeking ({@code Files.newInputStream}): bodies not
   * read are skipped, not read, and nothing after the end marker is read. Skipped bytes are not
   * charged to the budget.
   */
  public static TarReader seeking(InputStream in, TarBudget budget) {
    return new TarReader(in, budget, true);
  }

  /**
   * Reads a whole stream, every body included, and returns how many entries it holds: one call for
   * tests and fuzzing of the reader.
   *
   * @throws TarException if the stream is not a tar archive this reader accepts
   * @throws IOException if the stream underneath fails
   */
  public static long readAll(InputStream in, TarLimits limits) throws IOException {
    TarReader r = new TarReader(in, new TarBudget(limits));
    byte[] sink = new byte[1 << 16];
    long n = 0;
    while (r.next() != null) {
      n++;
      while (r.body().read(sink, 0, sink.length) >= 0) {
        // the body is read to exercise it, not kept
      }
    }
    return n;
  }

  /**
   * The next entry, or null at the end of the archive (after the rest of the stream was read).
   * Whatever is left of the previous entry's body is skipped first. Once it has thrown, only {@link
   * #drain()} may be called.
   */
  public TarEntry next() throws IOException {
    if (ended) {
      return null;
    }
    input.skip(bodyLeft, true);
    bodyLeft = 0;
    input.skip(padLeft, false); // a stream may end inside the last padding, as Go's reader allows
    padLeft = 0;
    current = null;
    while (true) {
      if (!input.block()) {
        if (metaPending) {
          throw format("the stream ends after an extended header, before its entry");
        }
        unmarked = true;
        end();
        return null;
      }
      if (TarHeader.isZero(input.buffer(), input.pos())) {
        input.advance(BLOCK);
        end();
        return null;
      }
      TarHeader h = new TarHeader(input.buffer(), input.pos());
      String bad = h.checksumProblem();
      if (bad != null) {
        throw format(bad);
      }
      char type = h.typeflag();
      long size;
      try {
        size = h.unsigned(124, 12, "size");
      } catch (NumberFormatException e) {
        throw format(e.getMessage());
      }
      switch (type) {
        case 'x', 'g' -> extended(size, type == 'g');
        case 'L', 'K' -> longName(size, type == 'L');
        default -> {
          TarEntry e = new EntryHeader(h, this).entry(type, size);
          input.advance(BLOCK);
          bodyOffset = input.offset();
          bodyLeft = e.size();
          padLeft = (int) (-e.size() & (BLOCK - 1));
          local.clear();
          metaPending = false;
          longName = null;
          longLink = null;
          last = e.name();
          current = e.name();
          return e;
        }
      }
    }
  }

  /**
   * Whether the archive ended without its end-of-archive marker: the stream stopped where the next
   * header would start (or inside the last entry's padding) with no zero block, as a tar writer
   * that was never closed leaves it (umoci's {@code insert} before 0.5.0). Every entry returned is
   * complete; Go's archive/tar, bsdtar and umoci read such a stream. Meaningful once {@link
   * #next()} has returned null.
   */
  public boolean endMarkerMissing() {
    return unmarked;
  }

  /** {@return the body of the entry {@link #next()} returned last; -1 at its end} */
  public InputStream body() {
    return body;
  }

  /** The offset in the stream of the first body byte of the entry {@link #next()} returned last. */
  public long bodyOffset() {
    return bodyOffset;
  }

  /**
   * Reads the rest of the stream without parsing it (charged to the budget), e.g. to finish a
   * digest after a refused entry. {@link #next()} returns null afterwards.
   */
  public void drain() throws IOException {
    draining = true;
    ended = true;
    input.drain();
  }

  private void end() throws IOException {
    ended = true;
    if (!seeking) {
      drain();
    }
  }

  // Package-private accessors for EntryHeader, which builds entries from the state kept here.

  TarBudget budget() {
    return budget;
  }

  PaxRecords local() {
    return local;
  }

  PaxRecords global() {
    return global;
  }

  byte[] longNameRecord() {
    return longName;
  }

  byte[] longLinkRecord() {
    return longLink;
  }

  /** Where the next entry is: after the last one returned. */
  String after() {
    return last == null ? "the first entry" : "the entry after " + UntrustedText.quote(last);
  }

  private String where() {
    if (draining) {
      return "the data after the end of the archive";
    }
    return current != null ? "entry " + UntrustedText.quote(current) : after();
  }

  private TarFormatException format(String problem) {
    return new TarFormatException(where(), problem);
  }

  /** A PAX header: its records are kept for the next entry, or all following ones. */
  private void extended(long size, boolean isGlobal) throws IOException {
    int max = budget.limits().maxPaxHeaderSize();
    if (size > max) {
      throw new TarLimitException(
          after(), "maxPaxHeaderSize", max, "a PAX header of " + size + " bytes");
    }
    input.advance(BLOCK);
    metaPending |= !isGlobal;
    PaxRecords target = isGlobal ? global : local;
    target.add(meta((int) size), isGlobal, this::after);
    if (target.bytes() > max) {
      throw new TarLimitException(
          after(),
          "maxPaxHeaderSize",
          max,
          (isGlobal ? "global PAX records" : "PAX records for one entry")
              + " hold "
              + target.bytes()
              + " bytes");
    }
  }

  /** A GNU long name or link name: the C string of its body. */
  private void longName(long size, boolean name) throws IOException {
    int max = budget.limits().maxPathLength();
    if (size > max + 1L) { // the body ends with a NUL
      throw new TarLimitException(
          after(), "maxPathLength", max, "a GNU long name of " + size + " bytes");
    }
    input.advance(BLOCK);
    metaPending = true;
    byte[] value = TarHeader.cString(meta((int) size));
    if (name) {
      longName = value;
    } else {
      longLink = value;
    }
  }

  /** The body of an extended header, then its padding. */
  private byte[] meta(int size) throws IOException {
    byte[] out = input.read(size, "an extended header");
    input.skip(-size & (BLOCK - 1), true);
    return out;
  }

  /** The current entry's body: from the buffer, or straight from the stream for large reads. */
  private final class Body extends InputStream {
    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      java.util.Objects.checkFromIndexSize(off, len, b.length);
      if (bodyLeft == 0) {
        return -1;
      }
      if (len == 0) {
        return 0;
      }
      int n = input.readSome(b, off, (int) Math.min(len, bodyLeft));
      if (n < 0) {
        throw format("the stream ends inside the entry, " + bodyLeft + " bytes short");
      }
      bodyLeft -= n;
      return n;
    }
  }
}
