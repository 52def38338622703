package dev.ocikit.conformance.report;

import static dev.ocikit.conformance.report.HtmlText.esc;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.Comparator;
import java.util.List;

/**
 * The results that make a CI run red or need an edit: unexpected FAILs and XPASSes (stale
 * expected-failure entries). Each is complete on its own: what was checked, at which level, which
 * requirements, what the spec wants against what the runtime did, and the spec link.
 */
final class HtmlFailures {
  private static final List<String> LEVELS = List.of("MUST", "SHOULD", "MAY");

  private HtmlFailures() {}

  static void render(StringBuilder sb, ConformanceReport report) {
    List<String> runtimes = report.runtimes();
    // MUST before SHOULD before MAY, then by test so one test's failures on several runtimes sit
    // together.
    List<TestResult> failures =
        report.results().stream()
            .filter(r -> HtmlText.needsAttention(r.status()))
            .sorted(
                Comparator.comparing((TestResult r) -> r.status() == TestStatus.XPASS)
                    .thenComparing(r -> levelRank(r.level()))
                    .thenComparing(TestResult::testId)
                    .thenComparing(r -> runtimes.indexOf(r.runtime())))
            .toList();
    sb.append("<section id=\"failures\"><h2>Failures (").append(failures.size()).append(")</h2>\n");
    if (failures.isEmpty()) {
      sb.append("<p class=\"good\">No unexpected failures: every FAIL was expected and no expected")
          .append(" failure passed.</p></section>\n");
      return;
    }
    sb.append("<p class=\"note\">Unexpected FAILs fail the run; an XPASS is a test listed as an")
        .append(" expected failure that passed, so its entry is stale.</p>\n");
    for (TestResult r : failures) {
      failure(sb, report, r);
    }
    sb.append("</section>\n");
  }

  private static void failure(StringBuilder sb, ConformanceReport report, TestResult r) {
    // Not the status name as class: that would paint the whole entry in the status colour.
    sb.append(
            r.status() == TestStatus.XPASS
                ? "<div class=\"failure stale\">"
                : "<div class=\"failure\">")
        .append("<h3>")
        .append(HtmlText.badge(r.status()))
        .append(" <code>")
        .append(esc(r.testId()))
        .append("</code> on <b>")
        .append(esc(r.runtime()))
        .append("</b></h3>\n<p>")
        .append(esc(r.title()))
        .append("</p>\n<table class=\"kv\">\n");
    row(sb, "level", esc(r.level()));
    row(sb, "spec", HtmlText.link(r.specUrl(), r.section()));
    if (!r.requirements().isEmpty()) {
      row(sb, "requirements", "<code>" + esc(String.join(", ", r.requirements())) + "</code>");
    }
    if (r.status() == TestStatus.XPASS) {
      row(sb, "expected", "a failure, as the expected-failures file says: " + pre(r.reason()));
      row(sb, "actual", "it passed: remove the entry");
    } else {
      row(sb, "expected", pre(r.expected()));
      row(sb, "actual", pre(r.actual()));
    }
    row(
        sb,
        "details",
        "<a href=\"#" + HtmlText.anchor(report, r) + "\">in the matrix's details</a>");
    sb.append("</table></div>\n");
  }

  private static String pre(String unsafe) {
    return "<pre>" + HtmlText.clipped(unsafe, HtmlText.LONG_TEXT) + "</pre>";
  }

  private static int levelRank(String level) {
    int i = LEVELS.indexOf(level);
    return i < 0 ? LEVELS.size() : i;
  }

  private static void row(StringBuilder sb, String label, String html) {
    sb.append("<tr><th>").append(label).append("</th><td>").append(html).append("</td></tr>\n");
  }
}
