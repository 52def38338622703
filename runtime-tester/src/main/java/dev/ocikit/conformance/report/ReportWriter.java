package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.spec.file.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes every report format into one output directory. */
public final class ReportWriter {
  private ReportWriter() {}

  /**
   * Writes {@code conformance.tap}, {@code junit.xml}, {@code conformance.json} and {@code
   * index.html} into {@code dir} (created if missing), each atomically with the mode the umask
   * gives a new file.
   *
   * @param report the run to write
   * @param dir the output directory
   * @throws IOException if the directory or a file cannot be written
   */
  public static void writeAll(ConformanceReport report, Path dir) throws IOException {
    Files.createDirectories(dir);
    write(dir.resolve("conformance.tap"), TapReport.render(report));
    write(dir.resolve("junit.xml"), JunitXmlReport.render(report));
    write(dir.resolve("conformance.json"), JsonReport.render(report));
    write(dir.resolve("index.html"), HtmlMatrix.render(report));
  }

  // Atomic, so a collector polling the directory never reads half a report; the umask's mode, so
  // one running as another user can read it.
  private static void write(Path file, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    AtomicFile.write(file, out -> out.write(bytes));
  }
}
