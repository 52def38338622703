package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.report.ReportWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The whole suite against one real runtime with its expected failures, as CI runs it. */
final class MatrixRuns {
  private MatrixRuns() {}

  /**
   * Runs every test against {@code runtime}; asserts no unexpected failure, no unaccepted run
   * problem, and that at least half the tests got a verdict (the mostly-skipped guard, not accepted
   * here); writes the reports under target/ and prints the counts.
   */
  static ConformanceReport wholeSuite(RuntimeCommand runtime, Path xfails) throws Exception {
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(List.of(runtime))
                .withJobs(2)
                .withTestTimeout(Duration.ofSeconds(20))
                .withExpectedFailures(ExpectedFailures.read(xfails)));
    ReportWriter.writeAll(report, Path.of("target/conformance-" + runtime.name()));
    Map<TestStatus, Long> n = report.counts();
    System.out.printf(
        "conformance: %s (%s): %d checks in %d ms: %s; %s%n",
        runtime.name(),
        report.info(runtime.name()).commandLine(),
        report.results().size(),
        report.wallMillis(),
        n,
        report.info(runtime.name()));
    assertEquals(
        java.util.List.of(),
        report.unexpectedFailures().stream()
            .map(r -> r.testId() + ": expected " + r.expected() + " but " + r.actual())
            .toList());
    assertEquals(
        java.util.List.of(),
        report.problems().stream().filter(RunProblem::failsRun).map(RunProblem::line).toList());
    assertEquals(0, n.get(TestStatus.XPASS), "stale expected failures");
    assertTrue(
        n.get(TestStatus.SKIP) * 2 <= report.results().size(),
        "mostly real verdicts, skips: " + n.get(TestStatus.SKIP));
    return report;
  }
}
