package dev.ocikit.spec;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Linux capability names in kernel number order ({@code CAP_CHOWN} is 0), as config.json spells
 * them.
 *
 * @see <a href="https://man7.org/linux/man-pages/man7/capabilities.7.html">capabilities(7)</a>
 */
public final class LinuxCapabilities {
  /** Every capability up to {@code CAP_CHECKPOINT_RESTORE} (40, Linux 5.9). */
  public static final List<String> ALL =
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

  private LinuxCapabilities() {}

  /**
   * {@return the capabilities numbered 0 to {@code lastCap} (a host's {@code cap_last_cap})}
   *
   * @param lastCap the number of the host's last capability
   */
  public static List<String> upTo(int lastCap) {
    return ALL.subList(0, Math.max(0, Math.min(lastCap + 1, ALL.size())));
  }

  /**
   * The config spelling of {@code name}: {@code net_admin}, {@code NET_ADMIN} and {@code
   * CAP_NET_ADMIN} all give {@code CAP_NET_ADMIN}; empty when no such capability exists.
   *
   * @param name a capability, with or without {@code CAP_}, in any case
   * @return the {@code CAP_} name, or empty
   */
  public static Optional<String> canonical(String name) {
    String upper = name.trim().toUpperCase(Locale.ROOT);
    String full = upper.startsWith("CAP_") ? upper : "CAP_" + upper;
    return ALL.contains(full) ? Optional.of(full) : Optional.empty();
  }
}
