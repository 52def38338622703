package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.TestStatus;
import java.util.Map;

/**
 * The HTML report ({@code index.html}), written for the CI engineer who opens it after a red run: a
 * verdict, each runtime's header (command, version, targeted spec version, host adaptations,
 * counts, time), run problems, then the failures with expected against actual, counts per spec
 * area, the tests whose status differs between runtimes, skip reasons grouped, and last the full
 * matrix with every result's details.
 *
 * <p>The page is one self-contained file: no scripts, no external resources, and a
 * Content-Security-Policy that forbids both, so even text that escaped escaping could not run or
 * fetch anything. Every string from a runtime or a user is escaped.
 */
public final class HtmlMatrix {
  // default-src 'none' blocks scripts, fetches and frames; only the inline stylesheet is allowed,
  // and data: images for the empty favicon that keeps the browser from asking for one.
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

  private static final String STYLE =
      "body{font-family:sans-serif;margin:1em 2em;color:#222}"
          + "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;"
          + "vertical-align:top;text-align:left}th.sec{background:#eee}th.n,td.n{text-align:right}"
          + "table.kv th{background:#f4f4f4;white-space:nowrap}table.kv{margin:.3em 0}"
          + ".cards{display:flex;flex-wrap:wrap;gap:1em}.card{border:1px solid #999;padding:.5em;"
          + "flex:1 1 28em;max-width:48em}.card h3{margin:.2em 0}"
          + "pre{white-space:pre-wrap;margin:0;max-height:20em;overflow:auto}"
          + ".note{color:#555;font-size:90%}.good{color:#185c18}.why{font-size:85%}"
          + ".st{padding:0 .4em;border-radius:3px;font-weight:bold;font-size:90%}"
          + ".PASS{background:#c8f7c5}.FAIL{background:#f7c5c5}.SKIP{background:#e0e0e0}"
          + ".XFAIL{background:#f7e3c5}.XPASS{background:#c5e3f7}.zero{color:#999}"
          + "tr.bad td:first-child{border-left:4px solid #c33}tr.total td{font-weight:bold}"
          + ".failure{border-left:4px solid #c33;padding:.2em .8em;margin:.8em 0}"
          + ".failure.stale{border-left-color:#39c}td a{color:inherit}"
          + ".verdict{font-size:120%;padding:.3em .6em;display:inline-block}"
          + "nav a{margin-right:1em}";

  private HtmlMatrix() {}

  /**
   * {@return the whole page as one string}
   *
   * @param report the run to show
   */
  public static String render(ConformanceReport report) {
    StringBuilder sb = new StringBuilder(16 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
        .append(CSP)
        .append("\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>OCI runtime conformance: ")
        .append(report.passed() ? "passed" : "FAILED")
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style></head><body>\n<h1>OCI runtime-spec v1.3.0 conformance</h1>\n");
    verdict(sb, report);
    sb.append("<nav><a href=\"#runtimes\">Runtimes</a>")
        .append(report.problems().isEmpty() ? "" : "<a href=\"#problems\">Run problems</a>")
        .append("<a href=\"#failures\">Failures</a><a href=\"#areas\">Spec areas</a>")
        .append("<a href=\"#differences\">Differences</a><a href=\"#skips\">Skip reasons</a>")
        .append("<a href=\"#matrix\">All results</a><a href=\"#details\">Details</a></nav>\n");
    HtmlRuntimeHeaders.render(sb, report);
    HtmlProblems.render(sb, report);
    HtmlFailures.render(sb, report);
    HtmlAreaCounts.render(sb, report);
    HtmlDifferences.render(sb, report);
    HtmlSkipReasons.render(sb, report);
    HtmlResultMatrix.render(sb, report);
    return sb.append("</body></html>\n").toString();
  }

  /** One line: passed or failed and why, the counts of every runtime together, the wall time. */
  private static void verdict(StringBuilder sb, ConformanceReport report) {
    Map<TestStatus, Long> counts = HtmlText.count(report.results());
    long failing = report.problems().stream().filter(RunProblem::failsRun).count();
    sb.append("<p><span class=\"verdict ")
        .append(report.passed() ? "PASS\">Passed" : "FAIL\">Failed")
        .append("</span> unexpected failures: ")
        .append(counts.get(TestStatus.FAIL))
        .append("; run problems that fail the run: ")
        .append(failing)
        .append("; stale expected failures (XPASS): ")
        .append(counts.get(TestStatus.XPASS))
        .append(".<br>All runtimes: ")
        .append(HtmlRuntimeHeaders.counts(counts, report.results().size()))
        .append(". Wall time ")
        .append(HtmlText.seconds(report.wallMillis()))
        .append("; leaks: ")
        .append(report.leaks().isEmpty() ? "none" : report.leaks().size())
        .append(".</p>\n");
  }
}
