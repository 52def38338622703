package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A fake cgroup v1 hybrid host in a temp dir, next to a {@link ScriptedRuntime}'s state (where
 * {@code scripted-cgroups.sh} finds it): per-controller trees and an empty unified cgroup2 tree
 * under {@code root}, a {@code proc} holding the harness's own {@code /proc/PID/cgroup}, and a
 * {@code sys} with 2 MB huge pages and one block disk (254:0). {@link #host} is the {@link
 * CgroupHost} a context's judges then read; its cgroup2 wrapper only tells the runtime to make v2
 * cgroups, as mounting cgroup2 over /sys/fs/cgroup tells a real one.
 */
final class ScriptedCgroupHost {
  /** What the fake cgroup2 wrapper sets for the scripted runtime. */
  static final String CGROUP2_WRAPPER =
      "#!/bin/sh\nOCIKIT_SCRIPTED_CGROUP2=1\nexport OCIKIT_SCRIPTED_CGROUP2\nexec \"$@\"\n";

  private ScriptedCgroupHost() {}

  /**
   * Makes the fake host next to the state of the runtime installed in {@code runtimeDir}.
   *
   * @param full every controller and limit file, a block disk and the unified tree; else a host
   *     with only memory, pids, cpu, cpuset and devices, no swap accounting, no kernel TCP or
   *     real-time limits, no block disk and no unified tree
   */
  static CgroupHost make(Path runtimeDir, boolean full) throws IOException {
    Path base = runtimeDir.resolve("cgroup-host");
    Path root = base.resolve("root");
    Path proc = base.resolve("proc");
    Path sys = base.resolve("sys");
    Set<String> absent =
        full
            ? Set.of()
            : Set.of(
                "blkio",
                "hugetlb",
                "net_cls",
                "memory.memsw.limit_in_bytes",
                "memory.kmem.tcp.limit_in_bytes",
                "cpu.rt_runtime_us",
                "cpu.rt_period_us");
    StringBuilder own = new StringBuilder();
    int n = ScriptedCgroups.V1.size();
    for (Map.Entry<String, String> h : ScriptedCgroups.V1.entrySet()) {
      own.append(n--).append(':').append(h.getValue()).append(':').append(CgroupViolation.OWN);
      own.append('\n');
      if (absent.contains(h.getKey())) {
        continue;
      }
      Path dir = root.resolve(h.getKey());
      Files.createDirectories(dir.resolve(CgroupViolation.OWN.substring(1)));
      // The root has every file the controller offers: a child gets the same (ScriptedCgroups).
      for (String f :
          V1Files.of(h.getKey(), Container.JSON.createObjectNode(), x -> false).keySet()) {
        if (!absent.contains(f)) {
          Files.writeString(dir.resolve(f), "");
        }
      }
    }
    own.append("0::").append(CgroupViolation.OWN).append('\n');
    Path self =
        Files.createDirectories(proc.resolve(String.valueOf(ProcessHandle.current().pid())));
    Files.writeString(self.resolve("cgroup"), own.toString());
    Files.createDirectories(sys.resolve("block/loop0"));
    Files.writeString(sys.resolve("block/loop0/dev"), "7:0\n");
    if (full) {
      Files.createDirectories(root.resolve("unified"));
      Files.writeString(root.resolve("unified/cgroup.controllers"), "cpu io memory hugetlb pids\n");
      Files.createDirectories(sys.resolve("kernel/mm/hugepages/hugepages-2048kB"));
      Files.createDirectories(sys.resolve("block/vda"));
      Files.writeString(sys.resolve("block/vda/dev"), "254:0\n");
    }
    return new CgroupHost(root, proc, sys, CGROUP2_WRAPPER);
  }
}
