package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.util.List;
import java.util.function.Function;

/** Cgroup v2 behaviour, exercised through {@link CgroupV2Run} on hosts that are not v2. */
final class CgroupV2Tests {
  private CgroupV2Tests() {}

  static List<SpecTest> all() {
    return List.of(
        test(
            "cgroups.v2.path",
            "config-linux.md",
            "cgroups-path",
            "on cgroup v2 the container is placed at linux.cgroupsPath",
            r -> Verdict.expect(("/" + r.id()).equals(r.path()), "/" + r.id(), r.path())),
        test(
            "cgroups.v2.hugetlb",
            "config-linux.md",
            "huge-page-limits",
            "on cgroup v2 a 2MB hugepageLimits entry is hugetlb.2MB.max",
            r ->
                r.hugetlb().isEmpty()
                    ? Verdict.skip("hugetlb not delegated: '" + r.controllers() + "'")
                    : eq(String.valueOf(CgroupV2Run.HUGETLB), r.hugetlb())),
        test(
            "cgroups.v2.pids-limit",
            "config-linux.md",
            "pids",
            "on cgroup v2 pids.limit is pids.max",
            r ->
                r.pids().isEmpty()
                    ? Verdict.skip(
                        "pids is not delegated to the unified hierarchy (cgroup.controllers: '"
                            + r.controllers()
                            + "'); it is bound to the v1 hierarchy on this host")
                    : eq(String.valueOf(CgroupV2Run.PIDS), r.pids())),
        test(
            "cgroups.v2.removed-on-delete",
            "runtime.md",
            "delete",
            "on cgroup v2 delete removes the container's cgroup",
            r -> Verdict.expect(r.removed(), "cgroup removed", "still exists: " + r.path())));
  }

  private static SpecTest test(
      String id, String doc, String anchor, String title, Function<CgroupV2Run, Verdict> judge) {
    return SpecTest.of(
            id,
            doc,
            anchor,
            Level.MUST,
            title,
            ctx -> {
              CgroupV2Run r = CgroupV2Run.get(ctx);
              return r.skip().isEmpty() ? judge.apply(r) : Verdict.skip(r.skip());
            })
        // cgroup v2 entered the spec with runtime-spec#1040, released in 1.1.0.
        .since("1.1.0");
  }

  private static Verdict eq(String want, String got) {
    return Verdict.expect(want.equals(got), want, got);
  }
}
