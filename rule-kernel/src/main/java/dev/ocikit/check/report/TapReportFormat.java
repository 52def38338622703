package dev.ocikit.check.report;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import java.io.IOException;
import java.io.Writer;

/**
 * TAP version 13: a plan with one test point per validated path, {@code ok} or {@code not ok}, and
 * when there are findings a YAML diagnostic block listing them (severity, rule, level, location,
 * message, spec link). A path that could not be read is {@code not ok} with the reason as its
 * message.
 */
public final class TapReportFormat implements ReportFormat {
  @Override
  public String name() {
    return "tap";
  }

  @Override
  public void write(ValidationReport report, Writer out) throws IOException {
    out.write("TAP version 13\n");
    out.write("1.." + report.results().size() + "\n");
    int n = 0;
    for (ValidationResult r : report.results()) {
      n++;
      out.write(
          (r.valid() ? "ok " : "not ok ")
              + n
              + " - "
              + description(r.path() + " (" + r.type() + ")")
              + "\n");
      if (r.readError() != null) {
        out.write("  ---\n");
        out.write("  severity: error\n");
        out.write("  message: " + quote(r.readError()) + "\n");
        out.write("  ...\n");
        continue;
      }
      if (r.findings().isEmpty()) {
        continue;
      }
      out.write("  ---\n");
      out.write("  errors: " + r.errorCount() + "\n");
      out.write("  warnings: " + r.warningCount() + "\n");
      out.write("  findings:\n");
      for (Finding f : r.findings()) {
        out.write(
            "    - severity: " + f.severity().name().toLowerCase(java.util.Locale.ROOT) + "\n");
        out.write("      ruleId: " + quote(f.ruleId()) + "\n");
        out.write("      level: " + f.level().name() + "\n");
        out.write("      location: " + quote(f.location().toString()) + "\n");
        out.write("      message: " + quote(f.message()) + "\n");
        if (f.specRef() != null) {
          out.write("      see: " + quote(f.specRef()) + "\n");
        }
        if (!f.requirements().isEmpty()) {
          out.write("      requirements:\n");
          for (String id : f.requirements()) {
            out.write("        - " + quote(id) + "\n");
          }
        }
      }
      out.write("  ...\n");
    }
  }

  /** A test point description: one line, and no '#' (which would start a directive). */
  private static String description(String s) {
    return s.replace("\r", " ").replace("\n", " ").replace("#", "\\#");
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
