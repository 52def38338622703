package dev.ocikit.conformance.report;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the HTML report's sections share: escaping, links, anchors, status badges and counts. Every
 * string that reaches the page from a result, a runtime or the user goes through {@link #esc}.
 */
final class HtmlText {
  /** The order statuses are shown in: what passed, what failed, then what was not judged. */
  static final List<TestStatus> ORDER =
      List.of(
          TestStatus.PASS, TestStatus.FAIL, TestStatus.XFAIL, TestStatus.XPASS, TestStatus.SKIP);

  /**
   * Longest text shown for one value. Runtime output may be megabytes; the page stays readable and
   * conformance.json keeps the whole text.
   */
  static final int LONG_TEXT = 4000;

  private HtmlText() {}

  static String esc(String unsafe) {
    return Markup.escape(unsafe);
  }

  /**
   * {@code unsafe} escaped and cut at {@code max} characters, saying how much was left out, so a
   * runtime that prints megabytes cannot bury the page.
   */
  static String clipped(String unsafe, int max) {
    String s = unsafe == null ? "" : unsafe;
    if (s.length() <= max) {
      return esc(s);
    }
    return esc(s.substring(0, max))
        + "<span class=\"note\"> … "
        + (s.length() - max)
        + " more characters in conformance.json</span>";
  }

  /**
   * A link to {@code unsafeUrl} showing {@code unsafeText}, or the text alone when the URL is not
   * http(s): a {@code javascript:} or {@code data:} URL never becomes a link.
   */
  static String link(String unsafeUrl, String unsafeText) {
    String url = unsafeUrl == null ? "" : unsafeUrl.strip();
    if (!url.startsWith("https://") && !url.startsWith("http://")) {
      return esc(unsafeText);
    }
    return "<a href=\"" + esc(url) + "\">" + esc(unsafeText) + "</a>";
  }

  /** A status as a coloured badge; the word is always there, so colour is never the only cue. */
  static String badge(TestStatus status) {
    return "<span class=\"st " + status.name() + "\">" + status.name() + "</span>";
  }

  /**
   * The id of a result's entry in the details list. Runtimes are numbered, not named, so two names
   * that differ only in characters an id cannot hold never share an anchor.
   */
  static String anchor(ConformanceReport report, TestResult r) {
    return "d" + report.runtimes().indexOf(r.runtime()) + "-" + safeId(r.testId());
  }

  /** The id of a runtime's header. */
  static String runtimeAnchor(int index) {
    return "runtime-" + index;
  }

  static String safeId(String unsafe) {
    return (unsafe == null ? "" : unsafe).replaceAll("[^A-Za-z0-9_.-]", "_");
  }

  /** How many of {@code results} have each status, every status present. */
  static Map<TestStatus, Long> count(Collection<TestResult> results) {
    Map<TestStatus, Long> m = new EnumMap<>(TestStatus.class);
    for (TestStatus s : TestStatus.values()) {
      m.put(s, 0L);
    }
    results.forEach(r -> m.merge(r.status(), 1L, Long::sum));
    return m;
  }

  /** True for the results a CI engineer must look at: unexpected FAIL and stale XPASS. */
  static boolean needsAttention(TestStatus s) {
    return s == TestStatus.FAIL || s == TestStatus.XPASS;
  }

  /** Results of one runtime, in report order. */
  static List<TestResult> of(ConformanceReport report, String runtime) {
    return report.results().stream().filter(r -> r.runtime().equals(runtime)).toList();
  }

  /** Milliseconds as seconds with one decimal, e.g. {@code 12.3 s}. */
  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
