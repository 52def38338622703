package dev.ocikit.validate.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.validate.host.Host.Cgroups;
import dev.ocikit.validate.host.Host.FileKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LinuxHost reads a /proc and /sys tree: unified, hybrid and missing files. */
class LinuxHostTest {
  @TempDir Path root;

  @Test
  void readsKernelFacts() throws IOException {
    write("proc/sys/kernel/cap_last_cap", "40\n");
    write("proc/filesystems", "nodev\tsysfs\nnodev\tproc\n\text4\nnodev\tfuse\n");
    write("proc/self/status", "Name:\tjava\nSeccomp:\t0\nSeccomp_filters:\t0\n");
    for (String ns : new String[] {"mnt", "net", "pid", "time"}) {
      write("proc/self/ns/" + ns, "");
    }
    Files.createDirectories(root.resolve("sys/class/net/eth0"));
    Files.createDirectories(root.resolve("sys/class/net/lo"));
    LinuxHost host = new LinuxHost(root);

    assertEquals(OptionalInt.of(40), host.lastCapability());
    assertEquals(Optional.of(Set.of("sysfs", "proc", "ext4", "fuse")), host.filesystems());
    assertEquals(Optional.of(true), host.seccomp());
    assertEquals(Optional.of(Set.of("mnt", "net", "pid", "time")), host.namespaceKinds());
    assertEquals(Optional.of(Set.of("eth0", "lo")), host.networkInterfaces());
  }

  @Test
  void unifiedHostListsItsControllers() throws IOException {
    write("sys/fs/cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
    Cgroups cg = new LinuxHost(root).cgroups().orElseThrow();
    assertEquals(2, cg.version());
    assertEquals(Set.of("cpuset", "cpu", "io", "memory", "pids"), cg.controllers());
    assertEquals(cg.controllers(), cg.unifiedControllers());
  }

  @Test
  void hybridHostCountsMountedEnabledV1Controllers() throws IOException {
    write(
        "proc/cgroups",
        "#subsys_name\thierarchy\tnum_cgroups\tenabled\n"
            + "cpu\t1\t1\t1\n"
            + "memory\t4\t76\t1\n"
            + "hugetlb\t0\t1\t1\n" // on no v1 hierarchy
            + "pids\t8\t1\t0\n" // disabled
            + "blkio\t7\t1\t1\n"); // enabled but its mount is gone
    write(
        "proc/self/mounts",
        "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0\n"
            + "cgroup /sys/fs/cgroup/memory cgroup rw,relatime,memory 0 0\n"
            + "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0\n");
    write("sys/fs/cgroup/unified/cgroup.controllers", "\n");
    Cgroups cg = new LinuxHost(root).cgroups().orElseThrow();
    assertEquals(1, cg.version());
    assertEquals(Set.of("cpu", "memory"), cg.controllers());
    assertEquals(Set.of(), cg.unifiedControllers());
  }

  @Test
  void unreadableFactsAreEmptyNotGuessed() {
    LinuxHost host = new LinuxHost(root);
    assertTrue(host.lastCapability().isEmpty());
    assertTrue(host.filesystems().isEmpty());
    assertTrue(host.cgroups().isEmpty());
    assertTrue(host.networkInterfaces().isEmpty());
    assertTrue(host.namespaceKinds().isEmpty());
    assertTrue(host.seccomp().isEmpty());
  }

  @Test
  void tellsExecutablesFromOtherFiles() throws IOException {
    Path hook = write("usr/bin/hook", "#!/bin/sh\n");
    Files.setPosixFilePermissions(hook, PosixFilePermissions.fromString("rwxr-xr-x"));
    write("etc/hook.conf", "x\n");
    LinuxHost host = new LinuxHost(root);
    assertEquals(FileKind.EXECUTABLE, host.fileAt("/usr/bin/hook"));
    assertEquals(FileKind.NOT_EXECUTABLE, host.fileAt("/etc/hook.conf"));
    assertEquals(FileKind.NOT_EXECUTABLE, host.fileAt("/usr/bin"));
    assertEquals(FileKind.MISSING, host.fileAt("/usr/bin/gone"));
    assertEquals(FileKind.UNKNOWN, host.fileAt("relative/hook"));
  }

  @Test
  void systemHostReadsThisMachine() {
    Host system = Host.system();
    assertTrue(system instanceof LinuxHost);
    assertTrue(system.filesystems().orElseThrow().contains("proc"), "this machine has procfs");
  }

  private Path write(String rel, String text) throws IOException {
    Path p = root.resolve(rel);
    Files.createDirectories(p.getParent());
    return Files.writeString(p, text);
  }
}
