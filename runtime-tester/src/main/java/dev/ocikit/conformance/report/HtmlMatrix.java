package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.JunitXmlReport.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A static HTML page: tests down, runtimes across, grouped by spec section, each cell coloured by
 * status and linking to a details entry with expected/actual and the spec link. No scripts.
 */
public final class HtmlMatrix {
  private static final Map<String, String> COLOURS =
      Map.of(
          "PASS", "#c8f7c5", "FAIL", "#f7c5c5", "SKIP", "#e0e0e0", "XFAIL", "#f7e3c5", "XPASS",
          "#c5e3f7");

  private HtmlMatrix() {}

  public static String render(ConformanceReport report) {
    StringBuilder sb =
        new StringBuilder(
            "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
                + "<title>OCI runtime conformance</title><style>"
                + "body{font-family:sans-serif}table{border-collapse:collapse}"
                + "td,th{border:1px solid #999;padding:2px 6px}th.sec{text-align:left;background:#eee}"
                + "td a{color:#000;text-decoration:none}</style></head><body>\n");
    sb.append("<h1>OCI runtime-spec v1.3.0 conformance</h1>\n<p>Counts: ")
        .append(esc(report.counts().toString()))
        .append("; wall time ")
        .append(report.wallMillis())
        .append(" ms; leaks: ")
        .append(report.leaks().isEmpty() ? "none" : report.leaks().size())
        .append("</p>\n");
    runtimes(sb, report);
    problems(sb, report);
    sb.append("<table><tr><th>test</th><th>level</th>");
    for (String rt : report.runtimes()) {
      sb.append("<th>").append(esc(rt)).append("</th>");
    }
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
          String url = any.specUrl();
          sb.append("<tr><th class=\"sec\" colspan=\"")
              .append(2 + report.runtimes().size())
              .append("\"><a href=\"")
              .append(esc(url))
              .append("\">")
              .append(esc(section))
              .append("</a></th></tr>\n");
          tests.forEach(
              (id, byRuntime) -> {
                TestResult first = byRuntime.values().iterator().next();
                sb.append("<tr><td title=\"")
                    .append(esc(first.title()))
                    .append("\">")
                    .append(esc(id))
                    .append("</td><td>")
                    .append(first.level())
                    .append("</td>");
                for (String rt : report.runtimes()) {
                  TestResult r = byRuntime.get(rt);
                  if (r == null) {
                    sb.append("<td></td>");
                    continue;
                  }
                  sb.append("<td style=\"background:")
                      .append(COLOURS.get(r.status().name()))
                      .append("\"><a href=\"#")
                      .append(anchor(r))
                      .append("\">")
                      .append(r.status().name())
                      .append("</a></td>");
                }
                sb.append("</tr>\n");
              });
        });
    sb.append("</table>\n<h2>Details</h2>\n<dl>\n");
    for (TestResult r : report.results()) {
      sb.append("<dt id=\"")
          .append(anchor(r))
          .append("\"><b>")
          .append(esc(r.runtime()))
          .append(" ")
          .append(esc(r.testId()))
          .append("</b> ")
          .append(r.status().name())
          .append("</dt><dd>")
          .append(esc(r.title()))
          .append(" (")
          .append(r.level())
          .append(", <a href=\"")
          .append(esc(r.specUrl()))
          .append("\">")
          .append(esc(r.section()))
          .append("</a>)");
      if (!r.requirements().isEmpty()) {
        detail(sb, "requirements", String.join(", ", r.requirements()));
      }
      detail(sb, "expected", r.expected());
      detail(sb, "actual", r.actual());
      detail(sb, "reason", r.reason());
      sb.append("</dd>\n");
    }
    return sb.append("</dl>\n</body></html>\n").toString();
  }

  /** Run-level problems as a list above the matrix, coloured like a failure or a skip. */
  private static void problems(StringBuilder sb, ConformanceReport report) {
    if (report.problems().isEmpty()) {
      return;
    }
    sb.append("<h2>Run problems</h2>\n<ul>\n");
    for (RunProblem p : report.problems()) {
      sb.append("<li style=\"background:")
          .append(COLOURS.get(p.failsRun() ? "FAIL" : "SKIP"))
          .append("\"><b>")
          .append(esc(p.runtime()))
          .append(" ")
          .append(esc(p.check().id()))
          .append("</b> ")
          .append(p.failsRun() ? "fails the run" : "accepted by the run's options")
          .append(": ")
          .append(esc(p.message()))
          .append("</li>\n");
    }
    sb.append("</ul>\n");
  }

  private static void detail(StringBuilder sb, String label, String value) {
    if (value != null && !value.isEmpty()) {
      sb.append("<br>").append(label).append(": <code>").append(esc(value)).append("</code>");
    }
  }

  private static String anchor(TestResult r) {
    return "r-" + (r.runtime() + "-" + r.testId()).replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** Per runtime: command, version, targeted spec version and host adaptations. */
  private static void runtimes(StringBuilder sb, ConformanceReport report) {
    sb.append("<h2>Runtimes</h2>\n<table><tr><th>runtime</th><th>command</th><th>version</th>")
        .append("<th>OCI version targeted</th><th>host adaptations</th></tr>\n");
    for (RuntimeInfo i : report.runtimeInfo()) {
      sb.append("<tr><td>")
          .append(esc(i.name()))
          .append("</td><td><code>")
          .append(esc(i.commandLine()))
          .append("</code></td><td>")
          .append(esc(i.version()))
          .append("</td><td>")
          .append(esc(i.ociVersion()))
          .append(" (")
          .append(esc(i.ociVersionSource()))
          .append(")</td><td>")
          .append(i.adaptations().isEmpty() ? "none" : esc(String.join("; ", i.adaptations())))
          .append("</td></tr>\n");
    }
    sb.append("</table>\n");
  }
}
