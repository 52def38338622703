package dev.ocikit.validate.rules.process;

import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.runtime.Capabilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The capability names of capabilities(7) and the sets of process.capabilities, by JSON name. */
final class CapabilityNames {
  /** capabilities(7) by number: index 0 is CAP_CHOWN. */
  static final List<String> BY_NUMBER = LinuxCapabilities.ALL;

  /** The names of {@link #BY_NUMBER}. */
  static final Set<String> KNOWN = Set.copyOf(BY_NUMBER);

  private CapabilityNames() {}

  /** The sets that are present, in document order of the spec: name → entries. */
  static Map<String, List<String>> sets(Capabilities c) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    put(out, "bounding", c.bounding());
    put(out, "effective", c.effective());
    put(out, "inheritable", c.inheritable());
    put(out, "permitted", c.permitted());
    put(out, "ambient", c.ambient());
    return out;
  }

  private static void put(Map<String, List<String>> out, String name, List<String> set) {
    if (set != null) {
      out.put(name, set);
    }
  }
}
