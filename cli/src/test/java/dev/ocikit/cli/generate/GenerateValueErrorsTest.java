package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid values of the hook, seccomp, resource, Linux feature and platform flags: exit 2, nothing
 * on stdout, a first line naming the flag and the form it takes.
 */
class GenerateValueErrorsTest {
  static Stream<Arguments> invalid() {
    return Stream.of(
        row("--hooks-prestart-env=novalue", "--hooks-prestart-env", "KEY=VALUE"),
        row("--hooks-poststart-env=/bin/h", "--hooks-poststart-env", "/PATH:KEY=VALUE"),
        row("--hooks-poststop-timeout=0", "--hooks-poststop-timeout", "SECONDS > 0"),
        row("--hooks-startcontainer-timeout=/bin/h", "--hooks-startcontainer-timeout", "SECONDS"),
        row("--hooks-createruntime-env=A=1", "--hooks-createruntime", "add one first"),
        row("--hooks-createcontainer-timeout=5", "--hooks-createcontainer", "add one first"),
        row("--linux-seccomp-syscalls=read", "--linux-seccomp-syscalls", "NAMES:ACTION"),
        row("--linux-seccomp-syscalls=read:allow:0,XX,1", "--linux-seccomp-syscalls", "INDEX,OP"),
        row("--linux-seccomp-syscalls=read:allow:5", "--linux-seccomp-syscalls", "NAMES:ACTION"),
        row("--linux-seccomp-syscalls={\"names\":[]}", "--linux-seccomp-syscalls", "JSON"),
        row("--linux-seccomp-default-errno=1", "--linux-seccomp-default-errno", "SCMP_ACT_ERRNO"),
        row(
            "--linux-seccomp-listener-metadata=x",
            "--linux-seccomp-listener-metadata",
            "listenerPath"),
        row("--linux-seccomp-flags=fast", "--linux-seccomp-flags", "SECCOMP_FILTER_FLAG_LOG"),
        row("--linux-seccomp-only", "--linux-seccomp-only", "no linux.seccomp"),
        row("--linux-mem-kernel-limit=x", "--linux-mem-kernel-limit", "BYTES"),
        row("--linux-mem-kernel-tcp=1q", "--linux-mem-kernel-tcp", "BYTES"),
        row("--linux-blkio-leaf-weight=5", "--linux-blkio-leaf-weight", "10 to 1000"),
        row("--linux-blkio-weight-device=8:0", "--linux-blkio-weight-device", "MAJOR:MINOR:VALUE"),
        row("--linux-blkio-weight-device=8:0:5", "--linux-blkio-weight-device", "10 to 1000"),
        row(
            "--linux-blkio-leaf-weight-device=8:0:2000",
            "--linux-blkio-leaf-weight-device",
            "10 to 1000"),
        row("--linux-blkio-read-bps-device=8:x:1", "--linux-blkio-read-bps-device", "MAJOR:MINOR"),
        row(
            "--linux-blkio-write-bps-device=8:0:-2",
            "--linux-blkio-write-bps-device",
            "MAJOR:MINOR"),
        row("--linux-blkio-read-iops-device=8", "--linux-blkio-read-iops-device", "MAJOR:MINOR"),
        row(
            "--linux-blkio-write-iops-device=a:b:c",
            "--linux-blkio-write-iops-device",
            "MAJOR:MINOR"),
        row("--linux-device-cgroup-add=permit", "--linux-device-cgroup-add", "allow|deny"),
        row("--linux-device-cgroup-add=allow,type=z", "--linux-device-cgroup-add", "allow|deny"),
        row(
            "--linux-device-cgroup-remove=deny,access=rwx",
            "--linux-device-cgroup-remove",
            "access=rwm"),
        row("--linux-hugepage-limits-drop=2", "--linux-hugepage-limits-drop", "SIZE"),
        row("--linux-network-classid=-1", "--linux-network-classid", "0 to 4294967295"),
        row("--linux-network-priorities=eth0", "--linux-network-priorities", "NAME:PRIORITY"),
        row("--linux-rdma=mlx5", "--linux-rdma", "DEVICE:HCA_HANDLES:HCA_OBJECTS"),
        row("--linux-net-device=a/b", "--linux-net-device", "NAME[:NEWNAME]"),
        row("--linux-personality=BSD", "--linux-personality", "LINUX or LINUX32"),
        row("--linux-memory-policy=MPOL_X", "--linux-memory-policy", "MODE[:NODES"),
        row("--linux-memory-policy=bind:x", "--linux-memory-policy", "MODE[:NODES"),
        row("--linux-intelRdt-mem-bw-schema=L3:0=1", "--linux-intelRdt-mem-bw-schema", "MB:"),
        row("--linux-intelRdt-schemata=", "--linux-intelRdt-schemata", "non-empty line"),
        row(
            "--linux-intelRdt-enable-monitoring=maybe",
            "--linux-intelRdt-enable-monitoring",
            "maybe"),
        row("--process-exec-cpu-affinity-initial=a", "--process-exec-cpu-affinity", "CPU list"),
        row("--process-exec-cpu-affinity-final=1-", "--process-exec-cpu-affinity", "CPU list"),
        row("--process-terminal=maybe", "--process-terminal", "maybe"),
        row("--mount-cgroups=rx", "--mount-cgroups", "rw, ro or no"),
        row("--windows-network=[1]", "--windows-network", "JSON object"),
        row("--windows-network={\"bogus\":1}", "--windows-network", "spec's properties"),
        row("--windows-resources-cpu=x", "--windows-resources-cpu", "JSON object"),
        row("--windows-resources-storage={}x", "--windows-resources-storage", "JSON object"),
        row("--windows-resources-cpu-shares=20000", "--windows-resources-cpu-shares", "0 to 10000"),
        row("--windows-resources-cpu-maximum=0", "--windows-resources-cpu-maximum", "1 to 10000"),
        row("--windows-resources-cpu-count=-1", "--windows-resources-*", "0 or more"),
        row("--windows-resources-memory-limit=x", "--windows-resources-memory-limit", "BYTES"),
        row("--windows-resources-storage-iops=-5", "--windows-resources-*", "0 or more"),
        row(
            "--windows-resources-storage-sandbox-size=x",
            "--windows-resources-storage-sandbox-size",
            "BYTES"),
        row("--solaris-anet=x", "--solaris-anet", "JSON anet"),
        row("--solaris-max-shm-memory=lots", "--solaris-max-shm-memory", "K, M, G or T"),
        row("--solaris-capped-cpu-ncpus=x", "--solaris-capped-cpu-ncpus", "K, M, G or T"),
        row("--solaris-capped-memory-physical=1Q", "--solaris-capped-memory-physical", "scale"),
        row("--solaris-capped-memory-swap=-1", "--solaris-capped-memory-swap", "scale"),
        row("--vm-hypervisor-path=qemu", "--vm-hypervisor-path", "absolute path"),
        row("--vm-hypervisor-parameters=-m", "--vm-hypervisor-parameters", "--vm-hypervisor-path"),
        row("--vm-kernel-path=vmlinuz", "--vm-kernel-path", "absolute path"),
        row("--vm-kernel-initrd=initrd", "--vm-kernel-initrd", "absolute path"),
        row("--vm-image-path=/i.img", "--vm-image-path", "both"),
        row("--vm-image-format=raw", "--vm-image-format", "both"),
        row("--freebsd-device-add=/dev/pf", "--freebsd-device-add", "PATH[:MODE]"),
        row("--freebsd-jail-host=maybe", "--freebsd-jail-host", "new or inherit"),
        row("--freebsd-jail-vnet=disable", "--freebsd-jail-vnet", "new or inherit"),
        row("--freebsd-jail-ip4=x", "--freebsd-jail-ip4", "new, inherit or disable"),
        row("--freebsd-jail-ip4=x", "--freebsd-jail-ip4", "new, inherit or disable"),
        row("--freebsd-jail-ip6=x", "--freebsd-jail-ip6", "new, inherit or disable"),
        row("--freebsd-jail-sysv=msg=x", "--freebsd-jail-sysv", "msg, sem or shm"),
        row("--freebsd-jail-enforce-statfs=3", "--freebsd-jail-enforce-statfs", "0, 1 or 2"),
        row("--freebsd-jail-allow=fly", "--freebsd-jail-allow", "one of"),
        row("--zos-namespace-add=net", "--zos-namespace-add", "TYPE[:PATH]"),
        row(
            "--zos-namespace-remove=user",
            "--zos-namespace-remove",
            "one of [pid, mount, ipc, uts]"));
  }

  private static Arguments row(String arg, String flag, String form) {
    return Arguments.of(arg, flag, form);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void failsWithExit2NamingTheFlag(String arg, String flag, String form) {
    GenerateRun.assertRefused(arg, flag, form);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void messageIsOneLineWithAHint(String arg, String flag, String form) {
    List<String> lines = GenerateRun.of(arg).err().lines().toList();
    assertTrue(lines.size() <= 2, String.join("\n", lines));
  }
}
