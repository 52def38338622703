package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The HTML report in a real browser: Debian's headless chromium loads index.html as written by
 * {@link ReportWriter}, and the DOM it builds and the console it logs are checked.
 */
class HtmlReportBrowserTest {
  @TempDir Path dir;

  @Test
  void rendersWithoutConsoleErrorsAndShowsFailuresFirst() throws Exception {
    Path chromium = HeadlessChromium.require();
    ConformanceReport report = SampleReports.threeRuntimes();
    ReportWriter.writeAll(report, dir);
    HeadlessChromium.Rendered page =
        HeadlessChromium.render(chromium, dir.resolve("index.html"), dir);

    assertEquals(List.of(), page.consoleMessages(), "console messages:\n" + page.stderr());
    String dom = page.dom();
    for (int i = 0; i < report.runtimes().size(); i++) {
      String header = "id=\"runtime-" + i + "\"><h3>" + report.runtimes().get(i);
      assertTrue(dom.contains(header), "no header for " + report.runtimes().get(i) + " in\n" + dom);
    }
    assertTrue(dom.contains("<code>cgroups.blkio-weight</code> on <b>runc</b>"), dom);
    assertTrue(dom.contains("<code>hooks.order</code> on <b>crun</b>"), dom);
    int failures = dom.indexOf("<section id=\"failures\">");
    int matrix = dom.indexOf("<section id=\"matrix\">");
    assertTrue(failures > 0, "no failures section in\n" + dom);
    assertTrue(matrix > failures, "the matrix comes before the failures in\n" + dom);
    for (String later : List.of("areas", "differences", "skips")) {
      assertTrue(dom.indexOf("<section id=\"" + later + "\">") > failures, later + " first");
    }
  }

  @Test
  void aScriptInRuntimeOutputStaysTextInTheBrowser() throws Exception {
    Path chromium = HeadlessChromium.require();
    ReportWriter.writeAll(SampleReports.hostile(), dir);
    HeadlessChromium.Rendered page =
        HeadlessChromium.render(chromium, dir.resolve("index.html"), dir);

    // A parsed <script> or <img> would be serialized back as an element, and blocking it would
    // log a Content-Security-Policy violation.
    String dom = page.dom().toLowerCase(Locale.ROOT);
    assertFalse(dom.contains("<script"), page.dom());
    assertFalse(dom.contains("<img"), page.dom());
    assertTrue(dom.contains("&lt;script&gt;alert('pwned')&lt;/script&gt;"), page.dom());
    assertEquals(List.of(), page.consoleMessages(), "console messages:\n" + page.stderr());
  }

  /** The console check itself: a page that logs an error and breaks the policy must be caught. */
  @Test
  void theConsoleCheckCatchesErrors() throws Exception {
    Path chromium = HeadlessChromium.require();
    Path page = dir.resolve("broken.html");
    Files.writeString(
        page,
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><meta"
            + " http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
            + " script-src 'unsafe-inline'\"><title>broken</title></head><body>"
            + "<script>console.error('deliberate console error')</script>"
            + "<img src=\"https://example.invalid/x.png\"></body></html>");
    HeadlessChromium.Rendered rendered = HeadlessChromium.render(chromium, page, dir);

    String all = String.join("\n", rendered.consoleMessages());
    assertTrue(
        all.contains("deliberate console error"), "missed console.error:\n" + rendered.stderr());
    assertTrue(
        all.contains("Content Security Policy"), "missed the CSP block:\n" + rendered.stderr());
  }

  @Test
  void aMissingChromiumSkipsOnlyOutsideCi(@TempDir Path empty) {
    String path = empty.toString();
    assertThrows(TestAbortedException.class, () -> HeadlessChromium.require(path, null));
    assertThrows(TestAbortedException.class, () -> HeadlessChromium.require(path, ""));
    assertThrows(AssertionFailedError.class, () -> HeadlessChromium.require(path, "true"));
  }
}
