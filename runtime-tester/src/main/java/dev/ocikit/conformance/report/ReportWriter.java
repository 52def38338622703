package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every report format into one output directory. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes {@code conformance.tap}, {@code junit.xml}, {@code conformance.json} and {@code
   * index.html} into {@code dir} (created if missing).
   */
  public static void writeAll(ConformanceReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("conformance.tap"), TapReport.render(report));
    Files.writeString(dir.resolve("junit.xml"), JunitXmlReport.render(report));
    Files.writeString(dir.resolve("conformance.json"), JsonReport.render(report));
    Files.writeString(dir.resolve("index.html"), HtmlMatrix.render(report));
  }
}
