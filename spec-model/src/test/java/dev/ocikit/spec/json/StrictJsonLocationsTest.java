package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every value of a read document is located by JSON pointer (line and column). */
class StrictJsonLocationsTest extends StrictJsonSupport {
  private static final String DOC =
      String.join(
          "\n",
          "{",
          "  \"a\": {",
          "    \"b\": [",
          "      1,",
          "      \"two\",",
          "      {\"c\": null}",
          "    ]",
          "  },",
          "  \"é\": true, \"x/y\": 3, \"t~\": false",
          "}");

  @ParameterizedTest
  @CsvSource({
    "'',1,1",
    "/a,2,8",
    "/a/b,3,10",
    "/a/b/0,4,7",
    "/a/b/1,5,7",
    "/a/b/2,6,7",
    "/a/b/2/c,6,13",
    "/é,9,8",
    "/x~1y,9,21",
    "/t~0,9,30",
  })
  void everyValueIsLocated(String pointer, int line, int column) throws Exception {
    assertEquals(Optional.of(new JsonLocation(line, column)), read(DOC).locate(pointer));
  }

  @ParameterizedTest
  @CsvSource({
    "/a/missing,/a",
    "/a/b/9,/a/b",
    "/a/b/2/c/deeper,/a/b/2/c",
    "/nope/deeper,''",
  })
  void absentChildFallsBackToTheNearestPresentAncestor(String absent, String ancestor)
      throws Exception {
    JsonDocument doc = read(DOC);
    assertEquals(doc.locate(ancestor), doc.locate(absent));
    assertTrue(doc.locate(absent).isPresent());
  }

  @Test
  void nullPointerMeansTheRoot() throws Exception {
    assertEquals(Optional.of(new JsonLocation(1, 1)), read(DOC).locate(null));
  }

  @Test
  void sourceIsKept() throws Exception {
    assertEquals("test.json", read(DOC).source());
  }

  @Test
  void crLfLineEndsCountAsOneLine() throws Exception {
    JsonDocument doc = read("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}");
    assertEquals(Optional.of(new JsonLocation(3, 8)), doc.locate("/b"));
  }
}
