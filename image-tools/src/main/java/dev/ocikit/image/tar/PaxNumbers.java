package dev.ocikit.image.tar;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/** The numbers of PAX records: decimal sizes and ids, and times with a decimal fraction. */
final class PaxNumbers {
  private static final long MAX_INSTANT_SECONDS = Instant.MAX.getEpochSecond();

  private PaxNumbers() {}

  /**
   * A non-negative decimal number, digits only.
   *
   * @throws NumberFormatException naming the key when it is not one or does not fit a long
   */
  static long unsigned(byte[] v, String key) {
    if (v.length == 0 || v.length > 18) {
      throw new NumberFormatException("the PAX " + key + " is not a number: " + text(v));
    }
    long n = 0;
    for (byte b : v) {
      if (b < '0' || b > '9') {
        throw new NumberFormatException("the PAX " + key + " is not a number: " + text(v));
      }
      n = n * 10 + (b - '0');
    }
    return n;
  }

  /**
   * Seconds since the epoch with an optional sign and fraction ({@code 1700000000.123456789});
   * digits past nanoseconds are dropped.
   *
   * @throws NumberFormatException naming the key when it is not such a time
   */
  static FileTime time(byte[] v, String key) {
    int i = v.length > 0 && v[0] == '-' ? 1 : 0;
    boolean negative = i == 1;
    int dot = i;
    while (dot < v.length && v[dot] != '.') {
      dot++;
    }
    byte[] whole = java.util.Arrays.copyOfRange(v, i, dot);
    long seconds = unsigned(whole, key);
    long nanos = 0;
    if (dot < v.length) {
      int digits = 0;
      for (int j = dot + 1; j < v.length; j++) {
        if (v[j] < '0' || v[j] > '9') {
          throw new NumberFormatException("the PAX " + key + " is not a time: " + text(v));
        }
        if (digits++ < 9) {
          nanos = nanos * 10 + (v[j] - '0');
        }
      }
      for (; digits < 9; digits++) {
        nanos *= 10;
      }
    }
    if (seconds > MAX_INSTANT_SECONDS) {
      return FileTime.from(negative ? -seconds : seconds, TimeUnit.SECONDS);
    }
    Instant t = Instant.ofEpochSecond(seconds, nanos);
    return FileTime.from(negative ? Instant.EPOCH.minusSeconds(seconds).minusNanos(nanos) : t);
  }

  private static String text(byte[] v) {
    return dev.ocikit.spec.UntrustedText.quote(TarText.decode(v));
  }
}
