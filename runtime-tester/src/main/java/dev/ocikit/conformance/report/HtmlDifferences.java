package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tests whose status differs between runtimes, side by side, each cell with the status and why (the
 * skip or expected-failure reason, or what the runtime did): the quickest way to see what one
 * runtime does that another does not.
 */
final class HtmlDifferences {
  /** Longest reason shown in a cell; the details list has the whole text. */
  private static final int CELL_TEXT = 200;

  private HtmlDifferences() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    List<String> runtimes = report.runtimes();
    sb.append("<section id=\"differences\"><h2>Differences between runtimes");
    if (runtimes.size() < 2) {
      sb.append("</h2>\n<p class=\"note\">One runtime in this run: nothing to compare.</p>")
          .append("</section>\n");
      return;
    }
    Map<String, Map<String, TestResult>> byTest = new TreeMap<>();
    report
        .results()
        .forEach(
            r ->
                byTest.computeIfAbsent(r.testId(), k -> new LinkedHashMap<>()).put(r.runtime(), r));
    byTest.values().removeIf(byRuntime -> !differs(byRuntime, runtimes));
    sb.append(" (").append(byTest.size()).append(")</h2>\n");
    if (byTest.isEmpty()) {
      sb.append("<p class=\"good\">Every test has the same status on every runtime.</p>")
          .append("</section>\n");
      return;
    }
    sb.append("<table class=\"grid\">\n<tr><th>test</th><th>level</th><th>spec area</th>");
    runtimes.forEach(rt -> sb.append("<th class=\"rt\">").append(esc(rt)).append("</th>"));
    sb.append("</tr>\n");
    byTest.forEach(
        (id, byRuntime) -> {
          TestResult any = byRuntime.values().iterator().next();
          sb.append("<tr><td><code>")
              .append(esc(id))
              .append("</code></td><td>")
              .append(esc(any.level()))
              .append("</td><td>")
              .append(HtmlText.link(any.specUrl(), any.section()))
              .append("</td>");
          for (String rt : runtimes) {
            cell(sb, report, byRuntime.get(rt));
          }
          sb.append("</tr>\n");
        });
    sb.append("</table></section>\n");
  }

  /** A test differs when two runtimes have different statuses, or one has no result at all. */
  private static boolean differs(Map<String, TestResult> byRuntime, List<String> runtimes) {
    Set<TestStatus> seen = new HashSet<>();
    for (String rt : runtimes) {
      TestResult r = byRuntime.get(rt);
      if (r == null) {
        return true;
      }
      seen.add(r.status());
    }
    return seen.size() > 1;
  }

  private static void cell(StringBuilder sb, ConformanceReport report, TestResult r) {
    if (r == null) {
      sb.append("<td class=\"note\">not run</td>");
      return;
    }
    String why =
        r.status() == TestStatus.FAIL
            ? r.actual()
            : r.status() == TestStatus.PASS ? "" : r.reason();
    sb.append("<td class=\"")
        .append(r.status().name())
        .append("\"><a href=\"#")
        .append(HtmlText.anchor(report, r))
        .append("\">")
        .append(r.status().name())
        .append("</a>");
    if (why != null && !why.isBlank()) {
      sb.append("<br><span class=\"why\">")
          .append(HtmlText.clipped(why, CELL_TEXT))
          .append("</span>");
    }
    sb.append("</td>");
  }
}
