package dev.ocikit.image.tar;

import dev.ocikit.image.TarLimits;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one unpack or one validation has used of its {@link TarLimits}: decompressed bytes and
 * entries over all the tar streams it reads. Validation reads several layers at once, so the counts
 * are shared between threads; once a total is passed, every reader using this budget fails.
 */
public final class TarBudget {
  private final TarLimits limits;
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong entries = new AtomicLong();

  /** A budget with nothing used yet. */
  public TarBudget(TarLimits limits) {
    this.limits = java.util.Objects.requireNonNull(limits, "limits");
  }

  /** {@return the limits this budget counts against} */
  public TarLimits limits() {
    return limits;
  }

  /** Decompressed bytes read so far. */
  public long bytesUsed() {
    return bytes.get();
  }

  /**
   * Adds {@code n} bytes read and returns how many of them are past {@link
   * TarLimits#maxTotalBytes()}: 0 while the total is within it.
   */
  long addBytes(long n) {
    long total = bytes.addAndGet(n);
    long max = limits.maxTotalBytes();
    return total <= max ? 0 : Math.min(n, total - max);
  }

  /** Adds one entry; false once the count passes {@link TarLimits#maxEntries()}. */
  boolean addEntry() {
    return entries.incrementAndGet() <= limits.maxEntries();
  }
}
