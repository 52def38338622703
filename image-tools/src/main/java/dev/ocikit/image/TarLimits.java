package dev.ocikit.image;

/**
 * The limits every tar stream is read under, shared by unpacking and validation so that both refuse
 * the same inputs. They defend against decompression and archive bombs; their defaults are
 * documented in {@code docs/security.md}.
 *
 * @param maxTotalBytes most decompressed tar bytes read over all layers of one unpack or one
 *     validation (headers, padding and data after the end marker included)
 * @param maxEntries most tar entries over all layers of one unpack or validation (for an OCI
 *     archive file: in that file)
 * @param maxPathLength longest entry name or link target, in bytes; a GNU long-name record larger
 *     than this is refused before it is read
 * @param maxPaxHeaderSize largest PAX extended header, in bytes, checked from the header block
 *     before the records are read; also the most PAX record bytes kept for one entry and for the
 *     global records
 */
public record TarLimits(
    long maxTotalBytes, long maxEntries, int maxPathLength, int maxPaxHeaderSize) {

  /** Default total decompressed size limit: 32 GiB. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 32L << 30;

  /** Default entry count limit: 2 million. */
  public static final long DEFAULT_MAX_ENTRIES = 2_000_000;

  /** Default path length limit: 4096 bytes (Linux PATH_MAX). */
  public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

  /** Default PAX header size limit: 1 MiB (as Go's archive/tar). */
  public static final int DEFAULT_MAX_PAX_HEADER_SIZE = 1 << 20;

  /** The defaults above. */
  public static final TarLimits DEFAULTS =
      new TarLimits(
          DEFAULT_MAX_TOTAL_BYTES,
          DEFAULT_MAX_ENTRIES,
          DEFAULT_MAX_PATH_LENGTH,
          DEFAULT_MAX_PAX_HEADER_SIZE);

  /**
   * Checks that every limit is at least 1.
   *
   * @throws IllegalArgumentException naming the first limit that is not
   * @param maxTotalBytes most decompressed tar bytes
   * @param maxEntries most tar entries
   * @param maxPathLength longest name or link target, in bytes
   * @param maxPaxHeaderSize largest PAX extended header, in bytes
   */
  public TarLimits {
    positive("maxTotalBytes", maxTotalBytes);
    positive("maxEntries", maxEntries);
    positive("maxPathLength", maxPathLength);
    positive("maxPaxHeaderSize", maxPaxHeaderSize);
  }

  private static void positive(String name, long value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1, got " + value);
    }
  }

  /**
   * {@return a copy with another {@link #maxTotalBytes()}}
   *
   * @param value the new limit, at least 1
   */
  public TarLimits withMaxTotalBytes(long value) {
    return new TarLimits(value, maxEntries, maxPathLength, maxPaxHeaderSize);
  }

  /**
   * {@return a copy with another {@link #maxEntries()}}
   *
   * @param value the new limit, at least 1
   */
  public TarLimits withMaxEntries(long value) {
    return new TarLimits(maxTotalBytes, value, maxPathLength, maxPaxHeaderSize);
  }

  /**
   * {@return a copy with another {@link #maxPathLength()}}
   *
   * @param value the new limit, at least 1
   */
  public TarLimits withMaxPathLength(int value) {
    return new TarLimits(maxTotalBytes, maxEntries, value, maxPaxHeaderSize);
  }

  /**
   * {@return a copy with another {@link #maxPaxHeaderSize()}}
   *
   * @param value the new limit, at least 1
   */
  public TarLimits withMaxPaxHeaderSize(int value) {
    return new TarLimits(maxTotalBytes, maxEntries, maxPathLength, value);
  }
}
