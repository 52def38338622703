package dev.ocikit.check.report;

import dev.ocikit.check.ValidationReport;
import java.io.IOException;
import java.io.Writer;

/** A way of printing a report. */
public interface ReportFormat {
  /** {@return the name used with {@code --format}} */
  String name();

  /**
   * Writes {@code report} to {@code out}.
   *
   * @param report the results to write
   * @param out where to write them; not closed
   * @throws IOException if writing to {@code out} fails
   */
  void write(ValidationReport report, Writer out) throws IOException;
}
