package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;

/**
 * The run problems (unusable runtime, mostly skipped, leaks) as a list: they fail a run beside the
 * failed tests, so they come right after the runtime headers.
 */
final class HtmlProblems {
  private HtmlProblems() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    if (report.problems().isEmpty()) {
      return;
    }
    sb.append("<section id=\"problems\"><h2>Run problems (")
        .append(report.problems().size())
        .append(")</h2>\n<ul>\n");
    for (RunProblem p : report.problems()) {
      sb.append("<li class=\"")
          .append(p.failsRun() ? "FAIL" : "SKIP")
          .append("\"><b>")
          .append(esc(p.runtime()))
          .append(" <code>")
          .append(esc(p.check().id()))
          .append("</code></b> ")
          .append(p.failsRun() ? "fails the run" : "accepted by the run's options")
          .append(": ")
          .append(HtmlText.clipped(p.message(), HtmlText.LONG_TEXT))
          .append("</li>\n");
    }
    sb.append("</ul></section>\n");
  }
}
