package dev.ocikit.cli;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.report.ReportWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the reports of {@code oci-tool conformance --output DIR} for a run of no tests into the
 * directory named by its argument: {@link UmaskTest} starts it under a chosen umask, since the real
 * command needs root and a runtime.
 */
final class WriteConformanceReports {
  private WriteConformanceReports() {}

  public static void main(String[] args) throws IOException {
    RuntimeInfo runc =
        new RuntimeInfo("runc", List.of("runc"), "runc 1.1.5", "1.0.2", "", List.of());
    ReportWriter.writeAll(
        new ConformanceReport(List.of(runc), List.of(), List.of(), 1), Path.of(args[0]));
  }
}
