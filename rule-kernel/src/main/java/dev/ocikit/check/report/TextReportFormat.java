package dev.ocikit.check.report;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.UntrustedText;
import java.io.IOException;
import java.io.Writer;

/**
 * For people at a terminal: one line per finding (severity, rule id, level, location, message), the
 * spec link under it, a verdict per path and a summary line. Colour only when asked (a TTY).
 * Control characters from the documents (a tar entry name, a key) are written as escapes, so a
 * hostile file cannot drive the terminal.
 */
public final class TextReportFormat implements ReportFormat {
  private final boolean colour;

  /**
   * A renderer; {@code colour} adds ANSI colours (only for a terminal).
   *
   * @param colour whether to add ANSI colours
   */
  public TextReportFormat(boolean colour) {
    this.colour = colour;
  }

  @Override
  public String name() {
    return "text";
  }

  @Override
  public void write(ValidationReport report, Writer out) throws IOException {
    long errors = 0;
    long warnings = 0;
    long checked = 0;
    for (ValidationResult r : report.results()) {
      if (r.readError() != null) {
        // Said once on standard error by the command, where a person reads failures.
        continue;
      }
      for (Finding f : r.findings()) {
        boolean error = f.severity() == Severity.ERROR;
        String tag = error ? paint("31", "error") : paint("33", "warning");
        out.write(
            tag
                + " "
                + f.ruleId()
                + " ["
                + f.level()
                + "] "
                + UntrustedText.printable(f.location().toString())
                + ": "
                + UntrustedText.printable(f.message())
                + "\n");
        if (f.specRef() != null) {
          out.write("    see " + f.specRef() + "\n");
        }
      }
      String verdict = r.valid() ? paint("32", "VALID") : paint("31", "INVALID");
      out.write(
          verdict
              + " "
              + UntrustedText.printable(String.valueOf(r.path()))
              + " ("
              + r.type()
              + "): "
              + r.errorCount()
              + " error(s), "
              + r.warningCount()
              + " warning(s)\n");
      errors += r.errorCount();
      warnings += r.warningCount();
      checked++;
    }
    if (checked > 1) {
      out.write(checked + " paths checked: " + errors + " error(s), " + warnings + " warning(s)\n");
    }
  }

  private String paint(String code, String text) {
    return colour ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
  }
}
