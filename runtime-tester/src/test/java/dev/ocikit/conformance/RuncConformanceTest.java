package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.report.ReportWriter;
import dev.ocikit.conformance.report.TapReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole registered suite against the host's runc: no unexpected failures, no leaks. */
class RuncConformanceTest {
  @Test
  void wholeSuiteAgainstRunc() throws Exception {
    HostRuntimes.assumeRootAndRunc();
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(HostRuntimes.RUNC)
                .withJobs(2)
                .withTestTimeout(Duration.ofSeconds(20))
                .withExpectedFailures(ExpectedFailures.read(HostRuntimes.RUNC_XFAILS)));
    System.out.println(TapReport.render(report));
    Path out = Path.of("target/conformance-report");
    ReportWriter.writeAll(report, out);
    for (String f : List.of("conformance.tap", "junit.xml", "conformance.json", "index.html")) {
      assertTrue(Files.size(out.resolve(f)) > 0, f);
    }
    System.out.printf(
        "conformance: %d checks against runc in %d ms: %s%n",
        report.results().size(), report.wallMillis(), report.counts());
    assertEquals(java.util.List.of(), report.leaks(), "leaks");
    assertEquals(
        java.util.List.of(),
        report.unexpectedFailures().stream()
            .map(r -> r.testId() + ": expected " + r.expected() + " but " + r.actual())
            .toList());
    assertTrue(report.results().size() >= 40, "at least 40 checks");
    assertTrue(report.wallMillis() <= 60_000, "suite within 60 s, took " + report.wallMillis());
  }
}
