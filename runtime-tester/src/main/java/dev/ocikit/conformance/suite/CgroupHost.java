package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.cgroup.CgroupLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the cgroup judges read the host: the cgroup mount, the /proc a process's cgroup membership
 * is read from, the /sys that says which huge page sizes and block disks exist, and the wrapper
 * that shows a runtime cgroup v2 on a hybrid host. {@link #REAL} is the host itself; a judge test
 * points a {@link Context} at a temp tree instead, since a runtime without root cannot write the
 * real cgroupfs, and every existence check that decides a SKIP reads the same tree so it follows
 * the fake host, not the machine the test runs on.
 *
 * @param root the cgroup mount, /sys/fs/cgroup
 * @param proc the proc mount, /proc
 * @param sys the sysfs mount, /sys
 * @param cgroup2Wrapper a shell script given the runtime's command line as arguments: it exec's it
 *     with cgroup2 shown at {@code root} (on a hybrid host the judges then read it under {@code
 *     root/unified})
 */
record CgroupHost(Path root, Path proc, Path sys, String cgroup2Wrapper) {
  /** The host: cgroup2 is mounted over /sys/fs/cgroup in a private mount namespace. */
  static final CgroupHost REAL =
      new CgroupHost(
          Path.of("/sys/fs/cgroup"),
          Path.of("/proc"),
          Path.of("/sys"),
          "#!/bin/sh\nexec unshare -m sh -c 'mount -t cgroup2 none /sys/fs/cgroup && exec \"$@\"'"
              + " sh \"$@\"\n");

  /** {@return the cgroup layout mounted at {@link #root}, memberships read under {@link #proc}} */
  CgroupLayout layout() {
    return CgroupLayout.detect(root, proc);
  }

  /** {@return whether {@link #root} is a cgroup v2 mount} */
  boolean v2() {
    return Files.exists(root.resolve("cgroup.controllers"));
  }

  /** {@return the unified hierarchy of a hybrid host} */
  Path unified() {
    return root.resolve("unified");
  }

  /** {@return the text of {@code /proc/PID/cgroup}, or an unreadable marker} */
  String procCgroup(long pid) {
    return HostProc.read(proc.resolve(pid + "/cgroup").toString());
  }

  /** {@return the cgroup v2 path of {@code pid} (its {@code 0::} line), or {@code orElse}} */
  String v2Path(long pid, String orElse) {
    return procCgroup(pid)
        .lines()
        .filter(l -> l.startsWith("0::"))
        .map(l -> l.substring(3))
        .findFirst()
        .orElse(orElse);
  }

  /** {@return whether the kernel offers 2 MB huge pages} */
  boolean hugepages2M() {
    return Files.isDirectory(sys.resolve("kernel/mm/hugepages/hugepages-2048kB"));
  }

  /** {@return the directory of block devices, /sys/block} */
  Path block() {
    return sys.resolve("block");
  }
}
