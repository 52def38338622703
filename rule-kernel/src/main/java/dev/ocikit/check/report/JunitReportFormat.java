package dev.ocikit.check.report;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.OcikitVersion;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * JUnit XML for CI dashboards: a {@code <testsuites>} with one {@code <testsuite>} per validated
 * path and one {@code <testcase>} per finding (name {@code ruleId at pointer}, classname the path).
 * Error findings carry a {@code <failure>}; warnings pass, with the message in {@code
 * <system-out>}. A path without findings gets one passing testcase named {@code valid}, so every
 * suite has at least one case. Each suite's {@code <properties>} name our version and commit
 * ({@code ocikit.version}, {@code ocikit.commit}). Per finding rather than per rule checked,
 * because a finding is what a reader acts on and the validator does not list the rules that passed.
 * A path that could not be read is a suite with one testcase named {@code read} holding an {@code
 * <error>} (the test could not run), not a {@code <failure>}. When the report carries the run's
 * start and duration, {@code <testsuites>} gets {@code time} (seconds) and {@code timestamp} (UTC,
 * ISO 8601 without zone, as the JUnit schema has it), and each {@code <testsuite>} the timestamp.
 */
public final class JunitReportFormat implements ReportFormat {
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  @Override
  public String name() {
    return "junit";
  }

  @Override
  public void write(ValidationReport report, Writer out) throws IOException {
    long tests = 0;
    long failures = 0;
    long errors = 0;
    for (ValidationResult r : report.results()) {
      tests += Math.max(1, r.findings().size());
      failures += r.errorCount();
      errors += r.readError() == null ? 0 : 1;
    }
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(
        "<testsuites name=\"oci-validate\" tests=\""
            + tests
            + "\" failures=\""
            + failures
            + "\" errors=\""
            + errors
            + "\""
            + timing(report, true)
            + ">\n");
    for (ValidationResult r : report.results()) {
      String path = escape(r.path());
      out.write(
          "  <testsuite name=\""
              + path
              + "\" tests=\""
              + Math.max(1, r.findings().size())
              + "\" failures=\""
              + r.errorCount()
              + "\" errors=\""
              + (r.readError() == null ? 0 : 1)
              + "\" skipped=\"0\""
              + timing(report, false)
              + ">\n");
      out.write(properties());
      if (r.readError() != null) {
        String message = escape(r.readError());
        out.write("    <testcase classname=\"" + path + "\" name=\"read\">\n");
        out.write(
            "      <error type=\"unreadable\" message=\""
                + message
                + "\">"
                + message
                + "</error>\n");
        out.write("    </testcase>\n");
      } else if (r.findings().isEmpty()) {
        out.write("    <testcase classname=\"" + path + "\" name=\"valid\"/>\n");
      }
      for (Finding f : r.findings()) {
        String where = f.location().toString();
        String name = f.ruleId() + " at " + (f.location().pointer() == null ? where : pointer(f));
        out.write("    <testcase classname=\"" + path + "\" name=\"" + escape(name) + "\">\n");
        if (!f.requirements().isEmpty()) {
          // JUnit's per-test properties, as Jenkins and GitLab read them
          out.write("      <properties>\n");
          for (String id : f.requirements()) {
            out.write("        <property name=\"requirement\" value=\"" + escape(id) + "\"/>\n");
          }
          out.write("      </properties>\n");
        }
        String text = f.level() + " " + where + ": " + f.message();
        if (f.specRef() != null) {
          text += "\nsee " + f.specRef();
        }
        if (f.isError()) {
          out.write(
              "      <failure type=\""
                  + escape(f.ruleId())
                  + "\" message=\""
                  + escape(f.message())
                  + "\">"
                  + escape(text)
                  + "</failure>\n");
        } else {
          out.write("      <system-out>" + escape("warning " + text) + "</system-out>\n");
        }
        out.write("    </testcase>\n");
      }
      out.write("  </testsuite>\n");
    }
    out.write("</testsuites>\n");
  }

  /** {@code time} (with {@code total}) and {@code timestamp} attributes, when measured. */
  private static String timing(ValidationReport report, boolean total) {
    StringBuilder sb = new StringBuilder();
    if (total && report.duration() != null) {
      sb.append(" time=\"").append(report.duration().toMillis() / 1000.0).append('"');
    }
    if (report.startedAt() != null) {
      LocalDateTime utc =
          LocalDateTime.ofInstant(report.startedAt(), ZoneOffset.UTC)
              .truncatedTo(ChronoUnit.SECONDS);
      sb.append(" timestamp=\"").append(TIMESTAMP.format(utc)).append('"');
    }
    return sb.toString();
  }

  /** The suite properties naming the toolkit that wrote the report. */
  private static String properties() {
    return "    <properties>\n"
        + "      <property name=\"ocikit.version\" value=\""
        + escape(OcikitVersion.build().version())
        + "\"/>\n"
        + "      <property name=\"ocikit.commit\" value=\""
        + escape(OcikitVersion.build().commit())
        + "\"/>\n"
        + "    </properties>\n";
  }

  private static String pointer(Finding f) {
    return f.location().pointer().isEmpty() ? "/" : f.location().pointer();
  }

  /** Escapes text for XML 1.0 content and attributes; characters XML cannot hold become U+FFFD. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        case '\n' -> b.append("&#10;");
        case '\r' -> b.append("&#13;");
        case '\t' -> b.append("&#9;");
        default -> {
          if (c < 0x20 || c == 0xFFFE || c == 0xFFFF) {
            b.append('\uFFFD');
          } else if (Character.isHighSurrogate(c)
              && i + 1 < s.length()
              && Character.isLowSurrogate(s.charAt(i + 1))) {
            b.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            b.append('\uFFFD');
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
