package dev.ocikit.validate.rules;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec's CPU and memory-node lists ("a comma-separated list, with dashes to represent ranges.
 * For example, 0-3,7"), used by cpu.cpus, cpu.mems, execCPUAffinity and memoryPolicy.nodes.
 */
public final class CpuLists {
  private static final Pattern ITEM = Pattern.compile("(\\d{1,9})(?:-(\\d{1,9}))?");

  private CpuLists() {}

  /** {@return what is wrong with a list; the empty string (no list) is fine} */
  public static Optional<String> problem(String value) {
    if (value.isEmpty()) {
      return Optional.empty();
    }
    for (String item : value.split(",", -1)) {
      Matcher m = ITEM.matcher(item);
      if (!m.matches()) {
        return Optional.of("has \"" + item + "\" where a number or range like 0-3 belongs");
      }
      if (m.group(2) != null && Long.parseLong(m.group(2)) < Long.parseLong(m.group(1))) {
        return Optional.of("has the descending range \"" + item + "\"");
      }
    }
    return Optional.empty();
  }
}
