package dev.ocikit.cli.generate;

import static dev.ocikit.cli.generate.Values.expected;
import static dev.ocikit.cli.generate.Values.number;

import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.LinuxDeviceCgroupType;
import picocli.CommandLine.ITypeConverter;

/** Option values of cgroup resources, in runtime-tools' forms, and their converters. */
final class CgroupValues {
  private CgroupValues() {}

  /** {@code MAJOR:MINOR:VALUE}: a block device and its weight or rate; -1 removes the entry. */
  record DeviceValue(long major, long minor, long value) {
    boolean remove() {
      return value == -1;
    }
  }

  /** {@code NAME:VALUE}: an interface and its priority; -1 removes the entry. */
  record NamedValue(String name, long value) {}

  /** {@code DEVICE:HCA_HANDLES:HCA_OBJECTS}; an empty field leaves that limit out. */
  record RdmaValue(String device, Long handles, Long objects) {}

  /** Parses {@code MAJOR:MINOR:VALUE}, each a number, the value -1 or more. */
  static final class DeviceValueConverter implements ITypeConverter<DeviceValue> {
    private static final String FORM = "MAJOR:MINOR:VALUE (VALUE -1 removes the device)";

    @Override
    public DeviceValue convert(String v) {
      String[] p = v.split(":", -1);
      if (p.length != 3) {
        throw expected(FORM, v);
      }
      DeviceValue d =
          new DeviceValue(number(p[0], FORM, v), number(p[1], FORM, v), number(p[2], FORM, v));
      if (d.major() < 0 || d.minor() < 0 || d.value() < -1) {
        throw expected(FORM, v);
      }
      return d;
    }
  }

  /** Parses {@code NAME:PRIORITY}, the priority -1 (remove) or 0 to 2^32-1. */
  static final class NamedValueConverter implements ITypeConverter<NamedValue> {
    private static final String FORM = "NAME:PRIORITY (PRIORITY -1 removes the interface)";

    @Override
    public NamedValue convert(String v) {
      int colon = v.lastIndexOf(':');
      if (colon <= 0) {
        throw expected(FORM, v);
      }
      long n = number(v.substring(colon + 1), FORM, v);
      if (n < -1 || n > 0xFFFFFFFFL) {
        throw expected(FORM, v);
      }
      return new NamedValue(v.substring(0, colon), n);
    }
  }

  /** Parses {@code DEVICE:HCA_HANDLES:HCA_OBJECTS}. */
  static final class RdmaConverter implements ITypeConverter<RdmaValue> {
    private static final String FORM = "DEVICE:HCA_HANDLES:HCA_OBJECTS such as mlx5_1:3:10000";

    @Override
    public RdmaValue convert(String v) {
      String[] p = v.split(":", -1);
      if (p.length != 3 || p[0].isEmpty() || (p[1].isEmpty() && p[2].isEmpty())) {
        throw expected(FORM, v);
      }
      return new RdmaValue(p[0], count(p[1], v), count(p[2], v));
    }

    private static Long count(String s, String whole) {
      if (s.isEmpty()) {
        return null;
      }
      long n = number(s, FORM, whole);
      if (n < 0 || n > 0xFFFFFFFFL) {
        throw expected(FORM, whole);
      }
      return n;
    }
  }

  /**
   * Parses runtime-tools' device rule {@code allow|deny[,type=a|b|c][,major=N][,minor=N]
   * [,access=rwm]}.
   */
  static final class DeviceRuleConverter implements ITypeConverter<LinuxDeviceCgroup> {
    private static final String FORM = "allow|deny[,type=a|b|c][,major=N][,minor=N][,access=rwm]";

    @Override
    public LinuxDeviceCgroup convert(String v) {
      String[] p = v.split(",", -1);
      if (!p[0].equals("allow") && !p[0].equals("deny")) {
        throw expected(FORM, v);
      }
      LinuxDeviceCgroup.Builder b = LinuxDeviceCgroup.builder().allow(p[0].equals("allow"));
      for (int i = 1; i < p.length; i++) {
        String[] kv = p[i].trim().split("=", 2);
        if (kv.length != 2) {
          throw expected(FORM, v);
        }
        switch (kv[0]) {
          case "type" -> {
            LinuxDeviceCgroupType t = LinuxDeviceCgroupType.of(kv[1]);
            if (!t.isKnown()) {
              throw expected(FORM, v);
            }
            b.type(t);
          }
          case "major" -> b.major(number(kv[1], FORM, v));
          case "minor" -> b.minor(number(kv[1], FORM, v));
          case "access" -> {
            if (!kv[1].matches("[rwm]{1,3}")) {
              throw expected(FORM, v);
            }
            b.access(kv[1]);
          }
          default -> throw expected(FORM, v);
        }
      }
      return b.build();
    }
  }
}
