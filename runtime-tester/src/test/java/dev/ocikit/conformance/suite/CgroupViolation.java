package dev.ocikit.conformance.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One cgroup behaviour the scripted runtime gets wrong in its fake host ({@link ScriptedCgroups},
 * {@link V1Files}, {@code scripted-cgroups.sh}) when its violation variable names the test that
 * checks it, with the text the failing verdict must show.
 *
 * @param testId the registered test whose judge must fail
 * @param evidence what the broken behaviour leaves in the verdict's "actual"
 */
record CgroupViolation(String testId, String evidence) {
  /** The runtime's own cgroup in the fake host, where a relative cgroupsPath belongs. */
  static final String OWN = "/harness.slice";

  /** Every cgroup violation the fake implements, by test id. */
  static final Map<String, CgroupViolation> ALL = table();

  private static Map<String, CgroupViolation> table() {
    String max = ScriptedCgroups.V1_MAX;
    List<CgroupViolation> v =
        List.of(
            // memory.limit_in_bytes left at the kernel's default
            new CgroupViolation("cgroups.memory-limit", max),
            // memory+swap ten times the limit: the judge matched substrings and passed it
            new CgroupViolation("cgroups.memory-swap", "memsw.limit_in_bytes: 1342177280"),
            new CgroupViolation("cgroups.memory-reservation", "soft_limit_in_bytes = " + max),
            new CgroupViolation("cgroups.memory-swappiness", "memory.swappiness = 60"),
            new CgroupViolation("cgroups.memory-kernel-tcp", "tcp.limit_in_bytes = " + max),
            // a positive pids.limit ignored
            new CgroupViolation("cgroups.pids-limit", "max"),
            // pids.limit 0 taken as unlimited
            new CgroupViolation("cgroups.pids-zero", "max in "),
            new CgroupViolation("cgroups.cpu.shares", "1024"),
            new CgroupViolation("cgroups.cpu.quota-period", "-1 100000"),
            new CgroupViolation("cgroups.cpu.realtime", "cpu.rt_runtime_us = 0"),
            // the parent's cpus kept
            new CgroupViolation("cgroups.cpuset", "0-1 0"),
            // the device rules ignored: everything allowed
            new CgroupViolation("cgroups.devices", "a *:* rwm"),
            new CgroupViolation("cgroups.blkio-weight", "100"),
            // the read rate ten times the one configured: the judge matched substrings and passed
            // it
            new CgroupViolation("cgroups.blkio-throttle", "read_bps_device: 254:0 10485760"),
            // the read IOPS list written to the write file
            new CgroupViolation("cgroups.blkio-throttle-iops", "write_iops_device = 254:0 345"),
            new CgroupViolation("cgroups.hugetlb", max),
            new CgroupViolation("cgroups.network-classid", "0"),
            // an absolute cgroupsPath taken as relative to the runtime's cgroup
            new CgroupViolation("cgroups.path", OWN + "/"),
            // a relative cgroupsPath placed at the root
            new CgroupViolation("cgroups.path-relative", "memory cgroup /ocikit-judge-"),
            // a relative cgroupsPath made unique per container
            new CgroupViolation("cgroups.path-consistent", "memory: " + OWN + "/ocikit-consistent"),
            // delete leaves the v1 cgroup dirs
            new CgroupViolation("cgroups.removed-on-delete", "exists=true"),
            // cgroups chowned to the mapped root without a cgroup namespace, or on v1
            new CgroupViolation("cgroups.ownership-needs-cgroupns", " owned "),
            new CgroupViolation("cgroups.ownership-v1-unchanged", " owned "),
            // a unified key no typed field maps to skipped: the kernel's default stays
            new CgroupViolation("cgroups.unified.write-unknown", "max"),
            // a controller's unified key written without enabling the controller: no such file
            new CgroupViolation("cgroups.unified.enable-controllers", "<unreadable "),
            new CgroupViolation("cgroups.v2.path", OWN + "/"),
            new CgroupViolation("cgroups.v2.hugetlb", "max"),
            new CgroupViolation("cgroups.v2.pids-limit", "max"),
            new CgroupViolation("cgroups.v2.removed-on-delete", "still exists"));
    Map<String, CgroupViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  @Override
  public String toString() {
    return testId;
  }
}
