package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The full matrix, tests down and runtimes across, grouped by spec section, each cell linking to
 * its entry in the details list that follows (title, level, spec link, requirements, expected,
 * actual, reason).
 */
final class HtmlResultMatrix {
  private HtmlResultMatrix() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    List<String> runtimes = report.runtimes();
    sb.append("<section id=\"matrix\"><h2>All results</h2>\n<table class=\"grid\">\n")
        .append("<tr><th>test</th><th>level</th>");
    runtimes.forEach(rt -> sb.append("<th class=\"rt\">").append(esc(rt)).append("</th>"));
    sb.append("</tr>\n");
    Map<String, Map<String, Map<String, TestResult>>> bySection = new TreeMap<>();
    for (TestResult r : report.results()) {
      bySection
          .computeIfAbsent(r.section(), k -> new TreeMap<>())
          .computeIfAbsent(r.testId(), k -> new LinkedHashMap<>())
          .put(r.runtime(), r);
    }
    bySection.forEach(
        (section, tests) -> {
          TestResult any = tests.values().iterator().next().values().iterator().next();
          sb.append("<tr><th class=\"sec\" colspan=\"")
              .append(2 + runtimes.size())
              .append("\">")
              .append(HtmlText.link(any.specUrl(), section))
              .append("</th></tr>\n");
          tests.forEach((id, byRuntime) -> row(sb, report, id, byRuntime));
        });
    sb.append("</table></section>\n");
    details(sb, report);
  }

  private static void row(
      StringBuilder sb, ConformanceReport report, String id, Map<String, TestResult> byRuntime) {
    TestResult first = byRuntime.values().iterator().next();
    sb.append("<tr><td title=\"")
        .append(esc(first.title()))
        .append("\"><code>")
        .append(esc(id))
        .append("</code></td><td>")
        .append(esc(first.level()))
        .append("</td>");
    for (String rt : report.runtimes()) {
      TestResult r = byRuntime.get(rt);
      if (r == null) {
        sb.append("<td></td>");
        continue;
      }
      sb.append("<td class=\"")
          .append(r.status().name())
          .append("\"><a href=\"#")
          .append(HtmlText.anchor(report, r))
          .append("\">")
          .append(r.status().name())
          .append("</a></td>");
    }
    sb.append("</tr>\n");
  }

  private static void details(StringBuilder sb, ConformanceReport report) {
    sb.append("<section id=\"details\"><h2>Details</h2>\n<dl>\n");
    for (TestResult r : report.results()) {
      sb.append("<dt id=\"")
          .append(HtmlText.anchor(report, r))
          .append("\"><b>")
          .append(esc(r.runtime()))
          .append(" <code>")
          .append(esc(r.testId()))
          .append("</code></b> ")
          .append(HtmlText.badge(r.status()))
          .append(" <span class=\"note\">")
          .append(r.millis())
          .append(" ms</span></dt><dd>")
          .append(esc(r.title()))
          .append(" (")
          .append(esc(r.level()))
          .append(", ")
          .append(HtmlText.link(r.specUrl(), r.section()))
          .append(")");
      if (!r.requirements().isEmpty()) {
        detail(sb, "requirements", String.join(", ", r.requirements()));
      }
      detail(sb, "expected", r.expected());
      detail(sb, "actual", r.actual());
      detail(sb, "reason", r.reason());
      sb.append("</dd>\n");
    }
    sb.append("</dl></section>\n");
  }

  private static void detail(StringBuilder sb, String label, String unsafe) {
    if (unsafe != null && !unsafe.isEmpty()) {
      sb.append("<br>")
          .append(label)
          .append(": <code>")
          .append(HtmlText.clipped(unsafe, HtmlText.LONG_TEXT))
          .append("</code>");
    }
  }
}
