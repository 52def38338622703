package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.ArrayList;
import java.util.List;

/**
 * Reports shaped like real runs (runc, crun and gVisor on a Debian 12 host), built directly so the
 * report tests need neither root nor a runtime.
 */
final class SampleReports {
  static final String SPEC = "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/";
  static final String NO_CGROUP_V2 = "host has no cgroup v2 unified hierarchy";
  static final String SCRIPT = "<script>alert('pwned')</script>";

  private SampleReports() {}

  /** Three runtimes; runc has an unexpected MUST and SHOULD failure, crun a stale XPASS. */
  static ConformanceReport threeRuntimes() {
    List<TestResult> rs = new ArrayList<>();
    for (String rt : List.of("runc", "crun", "gvisor")) {
      rs.add(pass("lifecycle.start-twice", "runtime.md#start", rt));
      rs.add(pass("process.cwd", "config.md#process", rt));
      rs.add(skip("cgroups.v2.pids-limit", "config-linux.md#pids", rt, NO_CGROUP_V2));
      rs.add(skip("cgroups.v2.path", "config-linux.md#cgroups-path", rt, NO_CGROUP_V2));
    }
    rs.add(
        result(
            "cgroups.blkio-weight",
            "config-linux.md#block-io",
            "MUST",
            "runc",
            TestStatus.FAIL,
            "blkio.weight 500 in the container's cgroup",
            "blkio.weight 100 (file /sys/fs/cgroup/blkio/ocikit-ct-1/blkio.weight)",
            ""));
    rs.add(pass("cgroups.blkio-weight", "config-linux.md#block-io", "crun"));
    rs.add(skip("cgroups.blkio-weight", "config-linux.md#block-io", "gvisor", "no blkio"));
    rs.add(
        result(
            "delete.created-without-force-fails",
            "runtime.md#delete",
            "SHOULD",
            "runc",
            TestStatus.FAIL,
            "delete of a created container fails",
            "runc delete exited 0 and the container is gone",
            ""));
    rs.add(pass("delete.created-without-force-fails", "runtime.md#delete", "crun"));
    rs.add(pass("delete.created-without-force-fails", "runtime.md#delete", "gvisor"));
    rs.add(
        result(
            "hooks.order",
            "runtime.md#lifecycle",
            "MUST",
            "runc",
            TestStatus.XFAIL,
            "createRuntime, createContainer, startContainer, poststart",
            "poststart before startContainer",
            "runc runs poststart during create (runc#1710)"));
    rs.add(
        result(
            "hooks.order",
            "runtime.md#lifecycle",
            "MUST",
            "crun",
            TestStatus.XPASS,
            "",
            "",
            "crun 1.8.1 ran poststart early"));
    rs.add(pass("hooks.order", "runtime.md#lifecycle", "gvisor"));
    List<RunProblem> problems =
        List.of(
            new RunProblem("gvisor", RunProblem.Check.MOSTLY_SKIPPED, "4 of 7 tests skipped", true),
            new RunProblem(
                "runc",
                RunProblem.Check.LEAK,
                "container ocikit-ct-ab12-r0-t3-1 still listed: removed",
                false));
    return new ConformanceReport(
        List.of(
            new RuntimeInfo(
                "runc",
                List.of("/usr/sbin/runc", "--root", "/run/ocikit-runc"),
                "runc version 1.1.5+ds1",
                "1.0.2",
                "features ociVersionMax 1.0.2-dev",
                List.of()),
            new RuntimeInfo(
                "crun",
                List.of("/usr/bin/crun"),
                "crun version 1.8.1",
                "1.0.0",
                "no features command; --version says spec 1.0.0",
                List.of("private mount namespace without /sys/fs/cgroup/unified")),
            new RuntimeInfo(
                "gvisor",
                List.of("/usr/bin/runsc", "--platform=ptrace", "--network=none"),
                "runsc version 0.0~20221219.0",
                "1.0.2",
                "no features command; --version says spec 1.0.2-dev",
                List.of())),
        rs,
        problems,
        73_400);
  }

  /**
   * One runtime whose every string tries to break out of the page: a script in its version, output,
   * reasons and name, a quote to leave an attribute, and a javascript: spec link.
   */
  static ConformanceReport hostile() {
    String rt = "evil" + SCRIPT;
    return new ConformanceReport(
        List.of(
            new RuntimeInfo(
                rt,
                List.of("/opt/evil", "--log=\"><img src=x onerror=alert(1)>"),
                "evil version 1 " + SCRIPT,
                "1.0.2",
                "features " + SCRIPT,
                List.of("adapted " + SCRIPT))),
        List.of(
            new TestResult(
                "process.args",
                "process.args " + SCRIPT,
                "config.md#process",
                "javascript:alert(1)",
                "MUST",
                rt,
                TestStatus.FAIL,
                "args [sh]",
                "stderr: " + SCRIPT + "\u0007\u001b[31m",
                "",
                5),
            skip("process.env", "config.md#process", rt, "skipped: " + SCRIPT)),
        List.of(new RunProblem(rt, RunProblem.Check.SMOKE_PROBE, "probe said " + SCRIPT, false)),
        100);
  }

  static TestResult pass(String id, String section, String runtime) {
    return result(id, section, "MUST", runtime, TestStatus.PASS, "", "", "");
  }

  static TestResult skip(String id, String section, String runtime, String reason) {
    return result(id, section, "MUST", runtime, TestStatus.SKIP, "", "", reason);
  }

  static TestResult result(
      String id,
      String section,
      String level,
      String runtime,
      TestStatus status,
      String expected,
      String actual,
      String reason) {
    return new TestResult(
        id,
        "what " + id + " checks",
        section,
        SPEC + section,
        level,
        runtime,
        status,
        expected,
        actual,
        reason,
        120);
  }
}
