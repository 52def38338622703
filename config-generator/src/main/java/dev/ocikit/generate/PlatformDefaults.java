package dev.ocikit.generate;

import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.spec.runtime.FreeBSD;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.LinuxResources;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Rlimit;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.Solaris;
import dev.ocikit.spec.runtime.User;
import dev.ocikit.spec.runtime.VM;
import dev.ocikit.spec.runtime.VMKernel;
import dev.ocikit.spec.runtime.Windows;
import dev.ocikit.spec.runtime.ZOS;
import dev.ocikit.spec.runtime.ZOSNamespace;
import dev.ocikit.spec.runtime.ZOSNamespaceType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** The configs each platform starts from; the Linux one matches what {@code runc spec} writes. */
final class PlatformDefaults {
  static final String OCI_VERSION = "1.3.0";
  static final List<String> DEFAULT_CAPS =
      List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");
  static final List<String> MASKED_PATHS =
      List.of(
          "/proc/acpi",
          "/proc/asound",
          "/proc/kcore",
          "/proc/keys",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/sys/firmware",
          "/proc/scsi");
  static final List<String> READONLY_PATHS =
      List.of("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private PlatformDefaults() {}

  static RuntimeConfig linux() {
    Capabilities caps =
        Capabilities.builder()
            .bounding(DEFAULT_CAPS)
            .effective(DEFAULT_CAPS)
            .permitted(DEFAULT_CAPS)
            .build();
    Rlimit nofile =
        Rlimit.builder()
            .type("RLIMIT_NOFILE")
            .hard(BigInteger.valueOf(1024))
            .soft(BigInteger.valueOf(1024))
            .build();
    Process process =
        posixProcess().toBuilder()
            .env(
                List.of(
                    "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                    "TERM=xterm"))
            .capabilities(caps)
            .rlimits(List.of(nofile))
            .noNewPrivileges(true)
            .build();
    List<Namespace> namespaces = new ArrayList<>();
    for (NamespaceType t :
        List.of(
            NamespaceType.PID,
            NamespaceType.NETWORK,
            NamespaceType.IPC,
            NamespaceType.UTS,
            NamespaceType.MOUNT,
            NamespaceType.CGROUP)) {
      namespaces.add(Namespace.builder().type(t).build());
    }
    LinuxResources resources =
        LinuxResources.builder()
            .devices(List.of(LinuxDeviceCgroup.builder().allow(false).access("rwm").build()))
            .build();
    Linux linux =
        Linux.builder()
            .namespaces(namespaces)
            .resources(resources)
            .maskedPaths(MASKED_PATHS)
            .readonlyPaths(READONLY_PATHS)
            .build();
    return base(process).hostname("ocikit").mounts(linuxMounts()).linux(linux).build();
  }

  static List<Mount> linuxMounts() {
    return List.of(
        mount("/proc", "proc", "proc"),
        mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
        mount(
            "/dev/pts",
            "devpts",
            "devpts",
            "nosuid",
            "noexec",
            "newinstance",
            "ptmxmode=0666",
            "mode=0620",
            "gid=5"),
        mount("/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"),
        mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
        mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
        mount("/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "noexec", "nodev", "relatime", "ro"));
  }

  static RuntimeConfig windows() {
    Process process =
        Process.builder()
            .terminal(false)
            .user(User.builder().username("ContainerUser").build())
            .args(List.of("cmd"))
            .cwd("C:\\")
            .build();
    return RuntimeConfig.builder()
        .ociVersion(OCI_VERSION)
        .process(process)
        .windows(Windows.builder().layerFolders(List.of("C:\\layers\\base")).build())
        .build();
  }

  static RuntimeConfig solaris() {
    return base(posixProcess()).solaris(Solaris.builder().build()).build();
  }

  static RuntimeConfig freebsd() {
    return base(posixProcess()).freebsd(FreeBSD.builder().build()).build();
  }

  static RuntimeConfig vm() {
    VM vm = VM.builder().kernel(VMKernel.builder().path("/boot/vmlinuz").build()).build();
    return base(posixProcess()).vm(vm).build();
  }

  static RuntimeConfig zos() {
    List<ZOSNamespace> ns = new ArrayList<>();
    for (ZOSNamespaceType t : ZOSNamespaceType.knownValues()) {
      ns.add(ZOSNamespace.builder().type(t).build());
    }
    return base(posixProcess()).zos(ZOS.builder().namespaces(ns).build()).build();
  }

  private static RuntimeConfig.Builder base(Process process) {
    return RuntimeConfig.builder()
        .ociVersion(OCI_VERSION)
        .root(Root.builder().path("rootfs").readonly(true).build())
        .process(process);
  }

  private static Process posixProcess() {
    return Process.builder()
        .terminal(false)
        .user(User.builder().uid(0L).gid(0L).build())
        .args(List.of("sh"))
        .cwd("/")
        .build();
  }

  static Mount mount(String destination, String type, String source, String... options) {
    return Mount.builder()
        .destination(destination)
        .type(type)
        .source(source)
        .options(List.of(options))
        .build();
  }
}
