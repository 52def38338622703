package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.util.List;
import java.util.function.Function;

/**
 * config-linux.md cpu, cpuset, devices, block IO, huge page and network limits, read back from the
 * container's cgroup on the host. A limit whose controller the host lacks is skipped with the
 * reason; v2 values are checked after the runtime's documented v1-to-v2 conversion where it is
 * exact (cpu.max) and for presence otherwise.
 */
final class CgroupResourceTests {
  private static final String DOC = "config-linux.md";

  private CgroupResourceTests() {}

  static List<SpecTest> all() {
    return List.of(
        test(
            "cgroups.cpu.shares",
            "cpu",
            "cpu.shares is the cgroup's cpu.shares (v2: a cpu.weight is set)",
            r ->
                r.files().containsKey("cpu.shares")
                    ? eq(String.valueOf(CgroupResourceRun.SHARES), r.value("cpu.shares"))
                    : Verdict.expect(
                        r.files().containsKey("cpu.weight"), "cpu.weight", r.value("cpu.weight"))),
        test(
            "cgroups.cpu.quota-period",
            "cpu",
            "cpu.quota and cpu.period are the cgroup's CFS quota and period",
            r -> {
              String want = CgroupResourceRun.QUOTA + " " + CgroupResourceRun.PERIOD;
              String got =
                  r.files().containsKey("cpu.max")
                      ? r.value("cpu.max")
                      : r.value("cpu.cfs_quota_us") + " " + r.value("cpu.cfs_period_us");
              return eq(want, got);
            }),
        test(
            "cgroups.cpuset",
            "cpu",
            "cpu.cpus and cpu.mems are the cgroup's cpuset.cpus and cpuset.mems",
            r -> eq("0 0", r.value("cpuset.cpus") + " " + r.value("cpuset.mems"))),
        test(
            "cgroups.devices",
            "allowed-device-list",
            // 10:229 (fuse) is not among the devices runc allows by default, so it must come from
            // us.
            "a deny-all rule then an allow rule for c 10:229 rw reach the devices cgroup",
            r -> {
              if (!r.files().containsKey("devices.list")) {
                return Verdict.skip("no devices.list (cgroup v2 enforces devices by eBPF)");
              }
              String list = r.value("devices.list");
              return Verdict.expect(
                  list.lines().anyMatch("c 10:229 rw"::equals) && !list.contains("a *:* rwm"),
                  "c 10:229 rw allowed, no a *:* rwm",
                  list.replace('\n', ','));
            }),
        test(
            "cgroups.blkio-weight",
            "block-io",
            "blockIO.weight is the cgroup's blkio weight",
            r ->
                r.missing().containsKey("blkio")
                    ? Verdict.skip(r.missing().get("blkio"))
                    : eq(
                        String.valueOf(CgroupResourceRun.WEIGHT),
                        r.value("blkio.weight", "blkio.bfq.weight", "io.weight")
                            .replace("default ", ""))),
        test(
            "cgroups.hugetlb",
            "huge-page-limits",
            "hugepageLimits 2MB is the cgroup's hugetlb.2MB limit",
            r ->
                r.missing().containsKey("hugetlb")
                    ? Verdict.skip(r.missing().get("hugetlb"))
                    : eq(
                        String.valueOf(CgroupResourceRun.HUGETLB),
                        r.value("hugetlb.2MB.limit_in_bytes", "hugetlb.2MB.max"))),
        test(
            "cgroups.network-classid",
            "network",
            "network.classID is the cgroup's net_cls.classid",
            r ->
                r.missing().containsKey("network")
                    ? Verdict.skip(r.missing().get("network"))
                    : eq(String.valueOf(CgroupResourceRun.CLASSID), r.value("net_cls.classid"))));
  }

  private static SpecTest test(
      String id, String anchor, String title, Function<CgroupResourceRun, Verdict> judge) {
    return SpecTest.of(
        id, DOC, anchor, Level.MUST, title, ctx -> judge.apply(CgroupResourceRun.get(ctx)));
  }

  private static Verdict eq(String want, String got) {
    return Verdict.expect(want.equals(got), want, got);
  }
}
