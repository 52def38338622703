package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * runtime-tools' {@code oci-runtime-tool generate} flags, name by name, against ours. The names are
 * those of the revisions of {@code cmd/oci-runtime-tool/generate.go} we read (facts, no code): the
 * two of the {@code linux-*}/{@code process-*} naming scheme must all be accepted; the older
 * ocitools names (renamed upstream before runtime-tools 0.1.0) must each be accepted or be listed
 * with a reason in docs/generate.md under "Names not accepted".
 */
class RuntimeToolsFlagNamesTest {
  /** Revisions 01205bc (per-set capability flags) and a fork's b9df2b2 (--process-cap-add/drop). */
  static final List<String> CURRENT_SCHEME =
      List.of(
          "args",
          "env",
          "env-file",
          "hooks-poststart",
          "hooks-poststart-env",
          "hooks-poststart-timeout",
          "hooks-poststop",
          "hooks-poststop-env",
          "hooks-poststop-timeout",
          "hooks-prestart",
          "hooks-prestart-env",
          "hooks-prestart-timeout",
          "hostname",
          "label",
          "linux-apparmor",
          "linux-cgroups-path",
          "linux-cpu-period",
          "linux-cpu-quota",
          "linux-cpu-shares",
          "linux-cpus",
          "linux-device-add",
          "linux-device-remove",
          "linux-device-remove-all",
          "linux-disable-oom-kill",
          "linux-gidmappings",
          "linux-hugepage-limits-add",
          "linux-hugepage-limits-drop",
          "linux-masked-paths",
          "linux-mem-kernel-limit",
          "linux-mem-kernel-tcp",
          "linux-mem-limit",
          "linux-mem-reservation",
          "linux-mem-swap",
          "linux-mem-swappiness",
          "linux-mems",
          "linux-mount-label",
          "linux-namespace-add",
          "linux-namespace-remove",
          "linux-namespace-remove-all",
          "linux-network-classid",
          "linux-network-priorities",
          "linux-oom-score-adj",
          "linux-pids-limit",
          "linux-readonly-paths",
          "linux-realtime-period",
          "linux-realtime-runtime",
          "linux-rootfs-propagation",
          "linux-seccomp-allow",
          "linux-seccomp-arch",
          "linux-seccomp-default",
          "linux-seccomp-default-force",
          "linux-seccomp-errno",
          "linux-seccomp-kill",
          "linux-seccomp-only",
          "linux-seccomp-remove",
          "linux-seccomp-remove-all",
          "linux-seccomp-trace",
          "linux-seccomp-trap",
          "linux-selinux-label",
          "linux-sysctl",
          "linux-uidmappings",
          "mount-bind",
          "mount-cgroups",
          "output",
          "privileged",
          "process-cap-add",
          "process-cap-add-ambient",
          "process-cap-add-bounding",
          "process-cap-add-effective",
          "process-cap-add-inheritable",
          "process-cap-add-permitted",
          "process-cap-drop",
          "process-cap-drop-all",
          "process-cap-drop-ambient",
          "process-cap-drop-bounding",
          "process-cap-drop-effective",
          "process-cap-drop-inheritable",
          "process-cap-drop-permitted",
          "process-consolesize",
          "process-cwd",
          "process-gid",
          "process-groups",
          "process-no-new-privileges",
          "process-rlimits-add",
          "process-rlimits-remove",
          "process-rlimits-remove-all",
          "process-tty",
          "process-uid",
          "rootfs-path",
          "rootfs-readonly",
          "template",
          "tmpfs");

  /** Revision 60473d2: the ocitools-era names. */
  static final List<String> OCITOOLS_SCHEME =
      List.of(
          "apparmor",
          "arch",
          "args",
          "bind",
          "cap-add",
          "cap-drop",
          "cgroup",
          "cgroups-path",
          "cwd",
          "disable-oom-kill",
          "env",
          "gid",
          "gidmappings",
          "groups",
          "hostname",
          "ipc",
          "label",
          "linux-cpu-period",
          "linux-cpu-quota",
          "linux-cpu-shares",
          "linux-cpus",
          "linux-mem-kernel-limit",
          "linux-mem-kernel-tcp",
          "linux-mem-limit",
          "linux-mem-reservation",
          "linux-mem-swap",
          "linux-mem-swappiness",
          "linux-mems",
          "linux-pids-limit",
          "linux-realtime-period",
          "linux-realtime-runtime",
          "mount",
          "mount-cgroups",
          "mount-label",
          "network",
          "no-new-privileges",
          "oom-score-adj",
          "os",
          "output",
          "pid",
          "poststart",
          "poststop",
          "prestart",
          "privileged",
          "read-only",
          "root-propagation",
          "rootfs",
          "seccomp-allow",
          "seccomp-arch",
          "seccomp-default",
          "seccomp-default-force",
          "seccomp-errno",
          "seccomp-kill",
          "seccomp-only",
          "seccomp-remove",
          "seccomp-remove-all",
          "seccomp-trace",
          "seccomp-trap",
          "selinux-label",
          "sysctl",
          "template",
          "tmpfs",
          "tty",
          "uid",
          "uidmappings",
          "user",
          "uts");

  @Test
  void everyCurrentNameIsAccepted() {
    Set<String> missing = new TreeSet<>();
    Set<String> ours = GenerateFlagCoverageTest.optionNames();
    CURRENT_SCHEME.stream().map(n -> "--" + n).filter(n -> !ours.contains(n)).forEach(missing::add);
    assertEquals(Set.of(), missing, "runtime-tools names oci-tool generate does not accept");
  }

  @Test
  void everyOlderNameIsAcceptedOrExplained() throws IOException {
    String doc = Files.readString(Checkout.root().resolve("docs/generate.md"));
    int from = doc.indexOf("## Names not accepted");
    String section = from < 0 ? "" : doc.substring(from);
    Set<String> ours = GenerateFlagCoverageTest.optionNames();
    Set<String> unexplained = new TreeSet<>();
    for (String n : OCITOOLS_SCHEME) {
      if (!ours.contains("--" + n) && !section.contains("`--" + n + "`")) {
        unexplained.add("--" + n);
      }
    }
    assertEquals(Set.of(), unexplained, "neither accepted nor explained in docs/generate.md");
  }
}
