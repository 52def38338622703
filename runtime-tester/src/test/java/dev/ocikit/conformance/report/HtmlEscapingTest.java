package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Whatever a runtime prints reaches the HTML page as text, never as markup. */
class HtmlEscapingTest {
  private static final String HTML = HtmlMatrix.render(SampleReports.hostile());

  @Test
  void aScriptInRuntimeOutputIsText() {
    assertFalse(HTML.toLowerCase(Locale.ROOT).contains("<script"), HTML);
    String escaped = "&lt;script&gt;alert(&apos;pwned&apos;)&lt;/script&gt;";
    // version, adaptation, spec-version source, title, actual, skip reason, problem, runtime name
    for (String where :
        new String[] {
          "evil version 1 " + escaped,
          "adapted " + escaped,
          "features " + escaped,
          "process.args " + escaped,
          "stderr: " + escaped,
          "skipped: " + escaped,
          "probe said " + escaped,
          "evil" + escaped
        }) {
      assertTrue(HTML.contains(where), "missing escaped '" + where + "'");
    }
  }

  @Test
  void aQuoteCannotLeaveAnAttributeOrOpenATag() {
    assertFalse(HTML.contains("<img src=x"), HTML);
    assertTrue(HTML.contains("--log=&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"), HTML);
  }

  @Test
  void aJavascriptSpecUrlIsNoLink() {
    assertFalse(HTML.toLowerCase(Locale.ROOT).contains("href=\"javascript:"), HTML);
    assertTrue(HTML.contains("config.md#process"), "the section is still shown as text");
  }

  @Test
  void terminalControlCharactersAreDropped() {
    assertFalse(HTML.contains("\u001b"), "ESC reached the page");
    assertFalse(HTML.contains("\u0007"), "BEL reached the page");
    assertTrue(HTML.contains("[31m"), "the printable rest stays");
  }

  @Test
  void theEscaperCoversAllFiveMarkupCharacters() {
    assertEquals(
        "&lt;a href=&apos;x&apos; title=&quot;y&quot;&gt;&amp;amp;&lt;/a&gt;",
        Markup.escape("<a href='x' title=\"y\">&amp;</a>"));
    assertEquals("", Markup.escape(null));
  }
}
