package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The whole suite against runc driven rootless as {@code ocikit-rootless}, compared with
 * expected-failures/runc-1.1.5-rootless.txt: a new failure, an unexpected pass or a leak fails.
 * Needs root, runc and the user (scripts/install-test-deps.sh creates it).
 */
class RuncRootlessConformanceTest {
  static final String USER = "ocikit-rootless";
  static final Path XFAILS = Path.of("expected-failures/runc-1.1.5-rootless.txt");

  @Test
  void runcRootlessMatchesItsExpectedFailures() throws Exception {
    HostRuntimes.assumeRootAndRunc();
    assumeTrue(userExists(), "needs user " + USER + " (scripts/install-test-deps.sh)");
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(HostRuntimes.RUNC)
                .withRootlessUser(USER)
                .withJobs(2)
                .withTestTimeout(Duration.ofSeconds(20))
                .withExpectedFailures(ExpectedFailures.read(XFAILS)));
    ReportWriter.writeAll(report, Path.of("target/conformance-runc-rootless"));
    Map<TestStatus, Long> n = report.counts();
    long notApplicable =
        report.results().stream()
            .filter(r -> r.reason() != null && r.reason().startsWith(Rootless.NOT_APPLICABLE))
            .count();
    System.out.printf(
        "conformance rootless: %d checks against runc in %d ms (runtime %d ms): %s;"
            + " %d of the skips not applicable rootless%n",
        report.results().size(),
        report.wallMillis(),
        report.runtimeInfo().get(0).wallMillis(),
        n,
        notApplicable);
    report
        .unexpectedFailures()
        .forEach(
            r ->
                System.out.println(
                    "  FAIL " + r.testId() + ": expected " + r.expected() + " but " + r.actual()));
    report.results().stream()
        .filter(r -> r.status() == TestStatus.XPASS)
        .forEach(r -> System.out.println("  XPASS " + r.testId()));
    report.problems().forEach(p -> System.out.println("  problem " + p.line()));
    assertTrue(
        report.runtimeInfo().get(0).adaptations().get(0).startsWith("rootless: "),
        "the report says the run was rootless");
    assertTrue(report.info("runc").commandLine().contains("--rootless true"));
    assertEquals(List.of(), report.unexpectedFailures().stream().map(TestResult::testId).toList());
    assertEquals(0, n.get(TestStatus.XPASS), "stale expected-failure entries");
    assertEquals(List.of(), report.leaks());
    assertTrue(report.passed(), report.problems().toString());
  }

  static boolean userExists() {
    try {
      Rootless.lookup(USER);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
