package dev.ocikit.conformance.driver;

import java.time.Duration;

/**
 * How far the harness trusts one runtime invocation: the longest it may run, and the most it may
 * write to each of stdout and stderr. A call over either limit is stopped, its process tree killed,
 * and it counts as a failed call.
 *
 * @param timeout longest one call may take
 * @param outputLimit most bytes one call may write to stdout, and again to stderr
 */
public record CallLimits(Duration timeout, long outputLimit) {
  /**
   * 10 s per call: runc answers in milliseconds, a create with hooks in about a second. 4 MiB per
   * stream: {@code state} is under 1 KiB, {@code features} a few KiB, and {@code list} of thousands
   * of containers still fits.
   */
  public static final CallLimits DEFAULT = new CallLimits(Duration.ofSeconds(10), 4L << 20);

  /** The largest output limit: what one Java array can hold. */
  public static final long MAX_OUTPUT_LIMIT = Integer.MAX_VALUE - 16;

  public CallLimits {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("call timeout must be positive, got " + timeout);
    }
    if (outputLimit < 1 || outputLimit > MAX_OUTPUT_LIMIT) {
      throw new IllegalArgumentException(
          "call output limit must be 1 to " + MAX_OUTPUT_LIMIT + " bytes, got " + outputLimit);
    }
  }
}
