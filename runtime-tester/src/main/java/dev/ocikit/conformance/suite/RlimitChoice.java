package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The value configured for each rlimit type. A runtime without CAP_SYS_RESOURCE (the reference
 * host's root lacks it) cannot raise a hard limit above the one it inherits from the harness, and a
 * value equal to the inherited one would let a runtime that ignores the rlimit pass. So the hard
 * limit is a preferred value, or half the inherited hard limit when that is lower, and the soft
 * limit half the hard one: both below what is inherited, never what is inherited.
 */
final class RlimitChoice {
  /** Every Linux rlimit type runtime-spec names, with its line label in /proc/PID/limits. */
  static final Map<String, String> TYPES = new LinkedHashMap<>();

  /** The hard limit preferred when the inherited one is higher: roomy enough for the JVM. */
  private static final Map<String, Long> PREFERRED_HARD = new HashMap<>();

  static {
    add("RLIMIT_AS", "Max address space", 32L << 30);
    add("RLIMIT_CORE", "Max core file size", 2L << 20);
    add("RLIMIT_CPU", "Max cpu time", 7200);
    add("RLIMIT_DATA", "Max data size", 16L << 30);
    add("RLIMIT_FSIZE", "Max file size", 2L << 30);
    add("RLIMIT_LOCKS", "Max file locks", 2048);
    add("RLIMIT_MEMLOCK", "Max locked memory", 4L << 20);
    add("RLIMIT_MSGQUEUE", "Max msgqueue size", 614400);
    add("RLIMIT_NICE", "Max nice priority", 20);
    add("RLIMIT_NOFILE", "Max open files", 2048);
    add("RLIMIT_NPROC", "Max processes", 8192);
    add("RLIMIT_RSS", "Max resident set", 2L << 30);
    add("RLIMIT_RTPRIO", "Max realtime priority", 10);
    add("RLIMIT_RTTIME", "Max realtime timeout", 2_000_000);
    add("RLIMIT_SIGPENDING", "Max pending signals", 4096);
    add("RLIMIT_STACK", "Max stack size", 32L << 20);
  }

  private RlimitChoice() {}

  private static void add(String type, String label, long hard) {
    TYPES.put(type, label);
    PREFERRED_HARD.put(type, hard);
  }

  /** The harness's own soft and hard limits per type (what a runtime it starts inherits). */
  static Map<String, long[]> hostLimits() throws IOException {
    String text;
    try (var in = Files.newInputStream(Path.of("/proc/self/limits"))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, long[]> m = new HashMap<>();
    for (String line : text.split("\n")) {
      for (var e : TYPES.entrySet()) {
        long[] v = parse(line, e.getValue());
        if (v != null) {
          m.put(e.getKey(), v);
        }
      }
    }
    return m;
  }

  /**
   * Soft and hard of a {@code /proc/PID/limits} line with {@code label}, -1 for unlimited; null for
   * another line or one whose fields are not numbers.
   */
  static long[] parse(String line, String label) {
    // The kernel pads the label to 25 characters and a blank.
    if (!line.startsWith(label)
        || line.length() < 26
        || !line.substring(label.length(), 26).isBlank()) {
      return null;
    }
    String[] f = line.substring(26).trim().split("\\s+");
    if (f.length < 2) {
      return null;
    }
    try {
      return new long[] {value(f[0]), value(f[1])};
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static long value(String field) {
    return field.equals("unlimited") ? -1 : Long.parseUnsignedLong(field);
  }

  /**
   * {soft, hard} to configure for {@code type}, or null when none can differ from the host's.
   *
   * @param canRaise whether the harness, hence the runtime, holds CAP_SYS_RESOURCE
   */
  static long[] choose(String type, Map<String, long[]> host, boolean canRaise) {
    long[] h = host.get(type);
    if (h == null) {
      return null;
    }
    if (h[1] == 0) {
      return canRaise ? new long[] {PREFERRED_HARD.get(type) / 2, PREFERRED_HARD.get(type)} : null;
    }
    long hard =
        h[1] == -1 ? PREFERRED_HARD.get(type) : Math.min(PREFERRED_HARD.get(type), h[1] / 2);
    return new long[] {hard / 2, hard};
  }

  /** Whether this process's effective capabilities hold CAP_SYS_RESOURCE (bit 24). */
  static boolean canRaise() throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("CapEff:")) {
        return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & (1L << 24)) != 0;
      }
    }
    return false;
  }

  /** Why {@link #choose} gave no value. */
  static String whyNot(String type, Map<String, long[]> host) {
    if (!host.containsKey(type)) {
      return "the harness's /proc/self/limits has no \"" + TYPES.get(type) + "\" line";
    }
    return "the hard "
        + type
        + " the runtime inherits is 0 and the harness lacks CAP_SYS_RESOURCE to raise it, so no"
        + " configured value could differ from the inherited one";
  }
}
