package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * crun refuses this host's hybrid cgroup layout. Without host adaptations the suite must still end
 * quickly, report skips with crun's reason rather than hang, fail the run for the failed smoke
 * probe, and leave nothing behind.
 */
class CrunHostTest {
  @Test
  void unusableRuntimeIsReportedCleanly() throws Exception {
    assumeTrue(
        HostRuntimes.isRoot() && Files.isExecutable(HostRuntimes.CRUN),
        "needs root and crun at " + HostRuntimes.CRUN);
    assumeTrue(
        Files.isDirectory(java.nio.file.Path.of("/sys/fs/cgroup/unified")),
        "needs a hybrid cgroup host, where crun 1.8.1 refuses to run");
    long t0 = System.nanoTime();
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(HostRuntimes.CRUN)
                .withHostAdaptations(List.of())
                .withJobs(2)
                .withTestTimeout(Duration.ofSeconds(20)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    System.out.printf(
        "crun: %d results in %d ms: %s%n", report.results().size(), ms, report.counts());
    assertEquals(List.of(), report.leaks());
    assertTrue(ms < 60_000, "bounded time, took " + ms + " ms");
    assertTrue(report.counts().get(TestStatus.SKIP) > 0, "skips for an unusable runtime");
    report.results().stream()
        .filter(r -> r.status() == TestStatus.SKIP)
        .forEach(
            r ->
                assertTrue(
                    r.reason().contains("trivial container")
                        || r.reason().contains("introduced; this runtime is targeted at 1.0.0"),
                    r.reason()));
    assertEquals(List.of(), report.info("crun").adaptations());
    // An unusable runtime is never a green run, unless accepted.
    assertEquals(
        List.of(RunProblem.Check.SMOKE_PROBE),
        report.problems().stream().map(RunProblem::check).toList());
    assertFalse(report.passed(), "not green: " + report.problems());
  }
}
