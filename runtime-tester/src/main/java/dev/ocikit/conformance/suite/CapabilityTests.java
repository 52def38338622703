package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * config.md "Linux process": one test per capability set, judged from {@code /proc/self/status} of
 * both observers: the shared one (uid 1000, all five sets equal) and {@link RootObservation} (root,
 * bounding = permitted = effective, smaller inheritable, smaller ambient), so a runtime that fills
 * one set from another fails.
 */
final class CapabilityTests {
  /** capabilities(7) names by bit number (linux/capability.h). */
  private static final List<String> BITS =
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

  private CapabilityTests() {}

  static List<SpecTest> all() {
    return List.of(
        set("ambient", "CapAmb", Capabilities::ambient),
        set("bounding", "CapBnd", Capabilities::bounding),
        set("effective", "CapEff", Capabilities::effective),
        set("inheritable", "CapInh", Capabilities::inheritable),
        set("permitted", "CapPrm", Capabilities::permitted));
  }

  private static SpecTest set(
      String name, String field, Function<Capabilities, List<String>> configured) {
    return of(
        "process.capabilities." + name,
        "config.md",
        "linux-process",
        Level.MUST,
        "the " + name + " capability set (" + field + ") is exactly capabilities." + name,
        ctx -> {
          List<String> want = new ArrayList<>();
          List<String> got = new ArrayList<>();
          boolean ok = true;
          for (Observation o : List.of(Observation.get(ctx), RootObservation.get(ctx).obs())) {
            String mask =
                String.format(
                    "%016x", mask(configured.apply(o.intended().process().capabilities())));
            String seen = o.status(field);
            ok &= mask.equals(seen);
            String who = "uid " + o.intended().process().user().uid() + ": ";
            want.add(who + field + " " + mask);
            got.add(who + field + " " + seen);
          }
          return Verdict.expect(ok, String.join("; ", want), String.join("; ", got));
        });
  }

  static long mask(List<String> names) {
    long m = 0;
    for (String cap : names) {
      int bit = BITS.indexOf(cap);
      if (bit < 0) {
        throw new IllegalArgumentException("no bit known for " + cap);
      }
      m |= 1L << bit;
    }
    return m;
  }
}
