package dev.ocikit.validate.rules.process;

import dev.ocikit.spec.runtime.Capabilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The capability names of capabilities(7) and the sets of process.capabilities, by JSON name. */
final class CapabilityNames {
  /**
   * capabilities(7) by number (index 0 is CAP_CHOWN), up to CAP_CHECKPOINT_RESTORE (40, Linux 5.9).
   */
  static final List<String> BY_NUMBER =
      List.of(
          "CAP_CHOWN",
          "CAP_DAC_OVERRIDE",
          "CAP_DAC_READ_SEARCH",
          "CAP_FOWNER",
          "CAP_FSETID",
          "CAP_KILL",
          "CAP_SETGID",
          "CAP_SETUID",
          "CAP_SETPCAP",
          "CAP_LINUX_IMMUTABLE",
          "CAP_NET_BIND_SERVICE",
          "CAP_NET_BROADCAST",
          "CAP_NET_ADMIN",
          "CAP_NET_RAW",
          "CAP_IPC_LOCK",
          "CAP_IPC_OWNER",
          "CAP_SYS_MODULE",
          "CAP_SYS_RAWIO",
          "CAP_SYS_CHROOT",
          "CAP_SYS_PTRACE",
          "CAP_SYS_PACCT",
          "CAP_SYS_ADMIN",
          "CAP_SYS_BOOT",
          "CAP_SYS_NICE",
          "CAP_SYS_RESOURCE",
          "CAP_SYS_TIME",
          "CAP_SYS_TTY_CONFIG",
          "CAP_MKNOD",
          "CAP_LEASE",
          "CAP_AUDIT_WRITE",
          "CAP_AUDIT_CONTROL",
          "CAP_SETFCAP",
          "CAP_MAC_OVERRIDE",
          "CAP_MAC_ADMIN",
          "CAP_SYSLOG",
          "CAP_WAKE_ALARM",
          "CAP_BLOCK_SUSPEND",
          "CAP_AUDIT_READ",
          "CAP_PERFMON",
          "CAP_BPF",
          "CAP_CHECKPOINT_RESTORE");

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
