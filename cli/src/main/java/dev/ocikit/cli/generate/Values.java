package dev.ocikit.cli.generate;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parsed option values that need more than one field, and their converters. */
final class Values {
  private static final Pattern ASCII_NUMBER = Pattern.compile("[+-]?[0-9]{1,19}");

  private Values() {}

  /** {@code KEY=VALUE}. */
  record KeyValue(String key, String value) {}

  /** {@code HOST:CONTAINER:SIZE}. */
  record IdMap(long host, long container, long size) {}

  /** {@code TYPE:HARD[:SOFT]}. */
  record RlimitValue(String type, BigInteger hard, BigInteger soft) {}

  /** A hook's environment entries or timeout, for the last hook (null path) or those at path. */
  record HookDetail(String path, List<String> env, int timeout) {}

  static TypeConversionException expected(String form, String got) {
    return new TypeConversionException("expected " + form + " but got '" + got + "'");
  }

  /**
   * A number in ASCII digits with an optional sign: {@code Long.parseLong} alone also takes other
   * scripts' digits ("１０００"), which the runtime would never read as a number.
   */
  static long number(String text, String form, String whole) {
    String t = text.trim();
    try {
      if (!ASCII_NUMBER.matcher(t).matches()) {
        throw new NumberFormatException();
      }
      return Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw expected(form, whole);
    }
  }

  /** Parses {@code KEY=VALUE} with a non-empty key. */
  static final class KeyValueConverter implements ITypeConverter<KeyValue> {
    @Override
    public KeyValue convert(String v) {
      int eq = v.indexOf('=');
      if (eq <= 0) {
        throw expected("KEY=VALUE", v);
      }
      return new KeyValue(v.substring(0, eq), v.substring(eq + 1));
    }
  }

  /** Parses {@code HOST:CONTAINER:SIZE} (runtime-tools order), each a non-negative number. */
  static final class IdMapConverter implements ITypeConverter<IdMap> {
    private static final String FORM = "HOST:CONTAINER:SIZE";

    @Override
    public IdMap convert(String v) {
      String[] p = v.split(":", -1);
      if (p.length != 3) {
        throw expected(FORM, v);
      }
      long host = number(p[0], FORM, v);
      long container = number(p[1], FORM, v);
      long size = number(p[2], FORM, v);
      if (host < 0 || container < 0 || size < 1 || host > 0xFFFFFFFFL) {
        throw expected(FORM + " with ids >= 0 and size >= 1", v);
      }
      return new IdMap(host, container, size);
    }
  }

  /** Parses {@code TYPE:HARD[:SOFT]}; {@code nofile} is short for {@code RLIMIT_NOFILE}. */
  static final class RlimitConverter implements ITypeConverter<RlimitValue> {
    private static final String FORM = "TYPE:HARD[:SOFT] such as RLIMIT_NOFILE:1024:512";

    @Override
    public RlimitValue convert(String v) {
      String[] p = v.split(":", -1);
      if (p.length < 2 || p.length > 3 || !p[0].matches("(?i)(RLIMIT_)?[A-Z]+")) {
        throw expected(FORM, v);
      }
      String type = p[0].toUpperCase(Locale.ROOT);
      type = type.startsWith("RLIMIT_") ? type : "RLIMIT_" + type;
      try {
        BigInteger hard = new BigInteger(p[1]);
        BigInteger soft = p.length == 3 ? new BigInteger(p[2]) : hard;
        if (hard.signum() < 0 || soft.signum() < 0 || soft.compareTo(hard) > 0) {
          throw expected(FORM + " with 0 <= SOFT <= HARD", v);
        }
        return new RlimitValue(type, hard, soft);
      } catch (NumberFormatException e) {
        throw expected(FORM, v);
      }
    }
  }

  /**
   * Parses a byte count: a number, or one with a binary suffix {@code k}, {@code m}, {@code g}
   * ({@code 64m} is 67108864); {@code -1} means unlimited.
   */
  static final class BytesConverter implements ITypeConverter<Long> {
    private static final String FORM = "BYTES such as 67108864 or 64m, or -1";

    @Override
    public Long convert(String v) {
      String t = v.trim().toLowerCase(Locale.ROOT);
      if (t.equals("-1")) {
        return -1L;
      }
      int shift = 0;
      if (!t.isEmpty() && "kmg".indexOf(t.charAt(t.length() - 1)) >= 0) {
        shift = 10 * ("kmg".indexOf(t.charAt(t.length() - 1)) + 1);
        t = t.substring(0, t.length() - 1);
      }
      if (!t.matches("\\d{1,15}")) {
        throw expected(FORM, v);
      }
      return Long.parseLong(t) << shift;
    }
  }

  /** {@code KEY=VALUE}, or runtime-tools' {@code /PATH:KEY=VALUE[:KEY=VALUE...]}. */
  static final class HookEnvConverter implements ITypeConverter<HookDetail> {
    private static final String FORM = "KEY=VALUE or /PATH:KEY=VALUE[:KEY=VALUE...]";

    @Override
    public HookDetail convert(String v) {
      String path = null;
      List<String> env = List.of(v);
      if (v.startsWith("/")) {
        List<String> p = List.of(v.split(":", -1));
        path = p.get(0);
        env = p.subList(1, p.size());
      }
      if (env.isEmpty() || env.stream().anyMatch(e -> e.indexOf('=') <= 0)) {
        throw expected(FORM, v);
      }
      return new HookDetail(path, env, 0);
    }
  }

  /** {@code SECONDS}, or runtime-tools' {@code /PATH:SECONDS}; seconds are positive. */
  static final class HookTimeoutConverter implements ITypeConverter<HookDetail> {
    private static final String FORM = "SECONDS or /PATH:SECONDS with SECONDS > 0";

    @Override
    public HookDetail convert(String v) {
      int colon = v.startsWith("/") ? v.lastIndexOf(':') : -1;
      if (v.startsWith("/") && colon < 0) {
        throw expected(FORM, v);
      }
      String n = v.substring(colon + 1);
      if (!n.matches("\\d{1,9}") || Integer.parseInt(n) == 0) {
        throw expected(FORM, v);
      }
      return new HookDetail(
          colon < 0 ? null : v.substring(0, colon), List.of(), Integer.parseInt(n));
    }
  }
}
