package dev.ocikit.cli.image;

import dev.ocikit.image.TarLimits;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The limits every tar stream is read under, with the same option names on {@code oci-validate},
 * {@code oci-tool unpack} and {@code oci-tool bundle} (a picocli mixin). Options left out keep
 * {@link TarLimits#DEFAULTS}.
 */
public final class LimitOptions {
  @Option(
      names = "--max-total-bytes",
      paramLabel = "SIZE",
      converter = Size.class,
      description =
          "Most decompressed tar bytes read over all layers (default: 32G). SIZE may end in K, M,"
              + " G or T (powers of 1024).")
  Long maxTotalBytes;

  @Option(
      names = "--max-entries",
      paramLabel = "N",
      converter = Count.class,
      description = "Most tar entries over all layers (default: 2000000).")
  Long maxEntries;

  @Option(
      names = "--max-path-length",
      paramLabel = "BYTES",
      converter = Size.class,
      description = "Longest entry name or link target (default: 4096).")
  Long maxPathLength;

  @Option(
      names = "--max-pax-header-size",
      paramLabel = "SIZE",
      converter = Size.class,
      description = "Largest PAX extended header of one entry (default: 1M).")
  Long maxPaxHeaderSize;

  /** The limits asked for, the defaults for the rest. */
  public TarLimits limits() {
    TarLimits l = TarLimits.DEFAULTS;
    if (maxTotalBytes != null) {
      l = l.withMaxTotalBytes(maxTotalBytes);
    }
    if (maxEntries != null) {
      l = l.withMaxEntries(maxEntries);
    }
    if (maxPathLength != null) {
      l = l.withMaxPathLength(fitsInt("--max-path-length", maxPathLength));
    }
    if (maxPaxHeaderSize != null) {
      l = l.withMaxPaxHeaderSize(fitsInt("--max-pax-header-size", maxPaxHeaderSize));
    }
    return l;
  }

  private static int fitsInt(String option, long value) {
    if (value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          option + ": at most " + Integer.MAX_VALUE + " bytes, got " + value);
    }
    return (int) value;
  }

  /** A count of at least 1. */
  static final class Count implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return Size.parse(text, false);
    }
  }

  /** A number of bytes of at least 1, with an optional K, M, G or T suffix (KiB, MiB also). */
  static final class Size implements ITypeConverter<Long> {
    @Override
    public Long convert(String text) {
      return parse(text, true);
    }

    static long parse(String text, boolean suffixes) {
      String t = text.trim().toUpperCase(Locale.ROOT);
      int shift = 0;
      if (suffixes) {
        t = t.endsWith("IB") ? t.substring(0, t.length() - 2) : t;
        int unit = t.isEmpty() ? -1 : "KMGT".indexOf(t.charAt(t.length() - 1));
        if (unit >= 0) {
          shift = 10 * (unit + 1);
          t = t.substring(0, t.length() - 1);
        }
      }
      try {
        long v = Long.parseLong(t);
        if (v < 1 || (shift > 0 && v > (Long.MAX_VALUE >> shift))) {
          throw new NumberFormatException();
        }
        return v << shift;
      } catch (NumberFormatException e) {
        throw new TypeConversionException(
            "expected a whole number from 1 to "
                + Long.MAX_VALUE
                + (suffixes ? " (or with a K, M, G or T suffix)" : "")
                + " but got '"
                + text
                + "'");
      }
    }
  }
}
