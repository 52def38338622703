package dev.ocikit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UntrustedTextTest {
  @Test
  void quoteEscapesAndShortens() {
    assertEquals("\"a\\\"b\\\\c\\u001b[2J\\u000a\"", UntrustedText.quote("a\"b\\c\u001b[2J\n"));
    String longName = "x".repeat(500);
    String q = UntrustedText.quote(longName);
    assertTrue(q.startsWith("\"" + "x".repeat(UntrustedText.MAX_QUOTED) + "\"…"), q);
    assertTrue(q.endsWith("(500 chars)"), q);
  }

  @Test
  void printableEscapesWhatATerminalActsOn() {
    assertEquals(
        "title \\u001b]0;owned\\u0007 \\u009b31m \\u007f line\\u000abreak",
        UntrustedText.printable("title \u001b]0;owned\u0007 \u009b31m \u007f line\nbreak"));
    assertEquals("lone \\ud800 high", UntrustedText.printable("lone \ud800 high"));
    assertEquals("lone \\udc00 low", UntrustedText.printable("lone \udc00 low"));
  }

  @Test
  void printableKeepsOrdinaryTextAsItIs() {
    String text = "entry \"usr/share/doc/é 🐳\": ok \\ fine";
    assertSame(text, UntrustedText.printable(text));
  }

  @Test
  void firstLineKeepsOneShortLineWithControlsAsQuestionMarks() {
    assertEquals("a?b ?c", UntrustedText.firstLine("  a\u001bb \u009bc  \nsecond line", 10));
    assertEquals("abc...", UntrustedText.firstLine("abcdef", 3));
    assertEquals("abc", UntrustedText.firstLine("abc", 3));
    assertEquals("é 🐳", UntrustedText.firstLine("é 🐳\r\n", 10));
  }
}
