package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per runtime, skip reasons grouped: each reason once, with how many tests it skipped and which.
 * One missing host feature often skips a dozen tests; grouped, it reads as the one cause it is.
 */
final class HtmlSkipReasons {
  private HtmlSkipReasons() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    sb.append("<section id=\"skips\"><h2>Skip reasons</h2>\n");
    for (String rt : report.runtimes()) {
      List<TestResult> skipped =
          HtmlText.of(report, rt).stream().filter(r -> r.status() == TestStatus.SKIP).toList();
      sb.append("<h3>")
          .append(esc(rt))
          .append(": ")
          .append(skipped.size())
          .append(" skipped</h3>\n");
      if (skipped.isEmpty()) {
        continue;
      }
      Map<String, List<TestResult>> byReason = new LinkedHashMap<>();
      skipped.forEach(r -> byReason.computeIfAbsent(reason(r), k -> new ArrayList<>()).add(r));
      List<Map.Entry<String, List<TestResult>>> groups = new ArrayList<>(byReason.entrySet());
      // The reason behind most skips first: fixing it judges the most tests.
      groups.sort(
          Comparator.comparing((Map.Entry<String, List<TestResult>> e) -> -e.getValue().size())
              .thenComparing(Map.Entry::getKey));
      sb.append("<table class=\"grid\"><tr><th>reason</th><th class=\"n\">tests</th>")
          .append("<th>test ids</th></tr>\n");
      for (Map.Entry<String, List<TestResult>> g : groups) {
        sb.append("<tr><td>")
            .append(HtmlText.clipped(g.getKey(), HtmlText.LONG_TEXT))
            .append("</td><td class=\"n\">")
            .append(g.getValue().size())
            .append("</td><td>");
        for (TestResult r : g.getValue()) {
          sb.append("<a href=\"#")
              .append(HtmlText.anchor(report, r))
              .append("\"><code>")
              .append(esc(r.testId()))
              .append("</code></a> ");
        }
        sb.append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    sb.append("</section>\n");
  }

  private static String reason(TestResult r) {
    return r.reason() == null || r.reason().isBlank() ? "(no reason given)" : r.reason();
  }
}
