package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.List;

/**
 * JUnit XML as CI servers read it: one testsuite per runtime, a testcase per test; expected
 * failures are reported as skipped with their reason so they do not break the build.
 */
public final class JunitXmlReport {
  private JunitXmlReport() {}

  public static String render(ConformanceReport report) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites name=\"oci-runtime-conformance\" time=\"")
        .append(report.wallMillis() / 1000.0)
        .append("\">\n");
    for (String runtime : report.runtimes()) {
      List<TestResult> rs =
          report.results().stream().filter(r -> r.runtime().equals(runtime)).toList();
      long failures = rs.stream().filter(r -> r.status() == TestStatus.FAIL).count();
      long skipped =
          rs.stream()
              .filter(r -> r.status() == TestStatus.SKIP || r.status() == TestStatus.XFAIL)
              .count();
      sb.append("  <testsuite name=\"")
          .append(esc(runtime))
          .append("\" tests=\"")
          .append(rs.size())
          .append("\" failures=\"")
          .append(failures)
          .append("\" errors=\"0\" skipped=\"")
          .append(skipped)
          .append("\">\n");
      for (TestResult r : rs) {
        sb.append("    <testcase classname=\"")
            .append(esc(runtime + "." + r.section()))
            .append("\" name=\"")
            .append(esc(r.testId()))
            .append("\" time=\"")
            .append(r.millis() / 1000.0)
            .append("\">");
        switch (r.status()) {
          case FAIL ->
              sb.append("<failure message=\"")
                  .append(esc("expected " + r.expected()))
                  .append("\">")
                  .append(
                      esc(
                          "expected: "
                              + r.expected()
                              + "\nactual: "
                              + r.actual()
                              + "\nspec: "
                              + r.specUrl()))
                  .append("</failure>");
          case SKIP -> sb.append("<skipped message=\"").append(esc(r.reason())).append("\"/>");
          case XFAIL ->
              sb.append("<skipped message=\"")
                  .append(esc("expected failure: " + r.reason()))
                  .append("\"/>");
          case XPASS ->
              sb.append("<system-out>")
                  .append(esc("passed but listed as expected failure: " + r.reason()))
                  .append("</system-out>");
          default -> {}
        }
        sb.append("</testcase>\n");
      }
      sb.append("  </testsuite>\n");
    }
    return sb.append("</testsuites>\n").toString();
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : (s == null ? "" : s).toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even when escaped.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
