package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts per spec area (document#section) and runtime: where a runtime is weak, and which areas the
 * run hardly judged (all SKIP).
 */
final class HtmlAreaCounts {
  private HtmlAreaCounts() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    List<String> runtimes = report.runtimes();
    Map<String, List<TestResult>> byArea = new TreeMap<>();
    report
        .results()
        .forEach(r -> byArea.computeIfAbsent(r.section(), k -> new ArrayList<>()).add(r));
    sb.append("<section id=\"areas\"><h2>Counts per spec area</h2>\n<table class=\"grid\">\n")
        .append("<tr><th rowspan=\"2\">spec area</th>");
    for (String rt : runtimes) {
      sb.append("<th class=\"rt\" colspan=\"")
          .append(HtmlText.ORDER.size())
          .append("\">")
          .append(esc(rt))
          .append("</th>");
    }
    sb.append("</tr>\n<tr>");
    for (int i = 0; i < runtimes.size(); i++) {
      HtmlText.ORDER.forEach(s -> sb.append("<th class=\"n\">").append(s.name()).append("</th>"));
    }
    sb.append("</tr>\n");
    byArea.forEach(
        (area, results) -> {
          boolean bad = results.stream().anyMatch(r -> HtmlText.needsAttention(r.status()));
          sb.append("<tr")
              .append(bad ? " class=\"bad\"" : "")
              .append("><td>")
              .append(HtmlText.link(results.get(0).specUrl(), area))
              .append("</td>");
          cells(sb, report, results);
          sb.append("</tr>\n");
        });
    sb.append("<tr class=\"total\"><td>all areas</td>");
    cells(sb, report, report.results());
    sb.append("</tr>\n</table></section>\n");
  }

  private static void cells(StringBuilder sb, ConformanceReport report, List<TestResult> results) {
    for (String rt : report.runtimes()) {
      Map<TestStatus, Long> counts =
          HtmlText.count(results.stream().filter(r -> r.runtime().equals(rt)).toList());
      for (TestStatus s : HtmlText.ORDER) {
        long n = counts.get(s);
        sb.append("<td class=\"n")
            .append(n == 0 ? " zero" : " " + s.name())
            .append("\">")
            .append(n)
            .append("</td>");
      }
    }
  }
}
