package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/conformance.md's test table is written by hand (its rows say what each group judges), so its
 * counts are checked here: the heading states the registry's size and the groups add up to it.
 */
class TestTableDocTest {
  private static final Pattern HEADING = Pattern.compile("(?m)^## Tests \\((\\d+)\\)$");
  private static final Pattern GROUP = Pattern.compile("(?m)^\\| [^|]*?\\((\\d+)\\) \\|");

  @Test
  void headingAndGroupCountsMatchTheRegistry() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "conformance.md"));
    Matcher h = HEADING.matcher(doc);
    assertTrue(h.find(), "docs/conformance.md has no '## Tests (N)' heading");
    int registered = Registry.all().size();
    assertEquals(registered, Integer.parseInt(h.group(1)), "the heading's count");
    int end = doc.indexOf("\n### ", h.end());
    Matcher g = GROUP.matcher(doc.substring(h.end(), end < 0 ? doc.length() : end));
    int sum = 0;
    while (g.find()) {
      sum += Integer.parseInt(g.group(1));
    }
    assertEquals(registered, sum, "the table's group counts, added up");
  }
}
