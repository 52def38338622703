package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.json.JsonSyntaxException.Kind;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class StrictJsonTest extends StrictJsonSupport {
  @Nested
  class Encoding {
    @Test
    void invalidUtf8IsRefusedAtTheLineAndColumnOfTheBadByte() {
      // Line 2 is ` "a": "é<0xff>"`: the 0xff byte is the 9th character of the line.
      byte[] bytes = {
        '{',
        '\n',
        ' ',
        '"',
        'a',
        '"',
        ':',
        ' ',
        '"',
        (byte) 0xc3,
        (byte) 0xa9,
        (byte) 0xff,
        '"',
        '\n',
        '}'
      };
      JsonSyntaxException e = refused(bytes);
      assertEquals(Kind.ENCODING, e.kind());
      assertEquals(new JsonLocation(2, 9), e.location());
      assertTrue(e.reason().contains("byte offset 11"), e.reason());
      assertEquals("test.json", e.source());
      assertTrue(e.getMessage().startsWith("test.json:2:9: "), e.getMessage());
    }

    @Test
    void truncatedMultiByteSequenceAtTheEndIsRefused() {
      byte[] bytes = {'"', 'a', (byte) 0xe2, (byte) 0x82};
      JsonSyntaxException e = refused(bytes);
      assertEquals(Kind.ENCODING, e.kind());
      assertEquals(new JsonLocation(1, 3), e.location());
    }

    @Test
    void overlongEncodingIsRefused() {
      // 0xc0 0xaf is an overlong '/', which a lenient decoder would accept.
      byte[] bytes = {'[', '"', (byte) 0xc0, (byte) 0xaf, '"', ']'};
      JsonSyntaxException e = refused(bytes);
      assertEquals(Kind.ENCODING, e.kind());
      assertEquals(new JsonLocation(1, 3), e.location());
    }

    @Test
    void byteOrderMarkIsRefused() {
      byte[] bytes = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '}'};
      JsonSyntaxException e = refused(bytes);
      assertEquals(Kind.ENCODING, e.kind());
      assertEquals(new JsonLocation(1, 1), e.location());
      assertTrue(e.reason().contains("byte order mark"), e.reason());
    }

    @Test
    void utf16WithByteOrderMarkIsAnEncodingError() {
      JsonSyntaxException e = refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16));
      assertEquals(Kind.ENCODING, e.kind());
      assertEquals(new JsonLocation(1, 1), e.location());
    }

    @Test
    void utf16WithoutByteOrderMarkIsRefused() {
      assertNotEquals(null, refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16LE)).kind());
      assertNotEquals(null, refused("{\"a\":1}".getBytes(StandardCharsets.UTF_16BE)).kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16WithoutByteOrderMarkIsAnEncodingError(String charset) {
      JsonSyntaxException e =
          refused("{\"a\":1}".getBytes(java.nio.charset.Charset.forName(charset)));
      assertEquals(Kind.ENCODING, e.kind(), e.getMessage());
    }

    @Test
    void nonAsciiUtf8IsReadAndColumnsCountCharactersNotBytes() throws Exception {
      JsonDocument doc = read("{\"é\": \"ü\", \"k\": 1}");
      assertEquals("ü", doc.root().get("é").asString());
      // é and ü are two bytes each; columns count characters.
      assertEquals(Optional.of(new JsonLocation(1, 17)), doc.locate("/k"));
    }

    /** An escaped surrogate without its partner could never be written back as UTF-8. */
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "{\"a\": [\"x\\ud800\"]}        | /a/0 | string      | d800 | 1:8",
          "{\"a\": \"\\udc00\\ud800\"}   | /a   | string      | dc00 | 1:7",
          "{\"b\\ud83d\": 1}               | /b\ud83d | member name | d83d | 1:2",
        })
    void unpairedSurrogateEscapesAreRefused(
        String text, String pointer, String what, String hex, String at) {
      JsonSyntaxException e = refused(text);
      assertEquals(Kind.ENCODING, e.kind(), e.getMessage());
      assertEquals(pointer, e.pointer());
      assertEquals(at, e.location().toString());
      assertTrue(e.reason().startsWith(what + " has an unpaired surrogate \\u" + hex), e.reason());
    }

    @Test
    void escapedSurrogatePairIsOneCharacter() throws Exception {
      assertEquals("\ud83d\ude00", tree("[\"\\ud83d\\ude00\"]").get(0).asString());
    }
  }

  @Nested
  class DuplicateKeys {
    @Test
    void topLevelDuplicateIsRefusedWithPointerAndLocation() {
      JsonSyntaxException e = refused("{\"a\": 1,\n\"a\": 2}");
      assertEquals(Kind.DUPLICATE_KEY, e.kind());
      assertEquals("/a", e.pointer());
      assertEquals(new JsonLocation(2, 1), e.location());
    }

    @Test
    void nestedDuplicateIsRefusedWithPointerAndLocation() {
      JsonSyntaxException e = refused("{\n  \"a\": {\n    \"b\": 1,\n    \"b\": 2\n  }\n}");
      assertEquals(Kind.DUPLICATE_KEY, e.kind());
      assertEquals("/a/b", e.pointer());
      assertEquals(new JsonLocation(4, 5), e.location());
      assertTrue(e.reason().contains("\"b\""), e.reason());
    }

    @Test
    void duplicateInsideAnArrayElementNamesTheIndex() {
      JsonSyntaxException e = refused("[{\"k\": 1}, {\"k\": 2, \"k\": 3}]");
      assertEquals(Kind.DUPLICATE_KEY, e.kind());
      assertEquals("/1/k", e.pointer());
      assertEquals(new JsonLocation(1, 21), e.location());
    }

    @Test
    void pointerEscapesSlashAndTilde() {
      JsonSyntaxException e = refused("{\"a/b\": {\"~x\": 1, \"~x\": 2}}");
      assertEquals("/a~1b/~0x", e.pointer());
    }

    @Test
    void escapedSpellingOfTheSameNameIsADuplicate() {
      JsonSyntaxException e = refused("{\"a\": 1, \"\\u0061\": 2}");
      assertEquals(Kind.DUPLICATE_KEY, e.kind());
      assertEquals("/a", e.pointer());
    }

    @Test
    void sameNameInSiblingObjectsIsFine() throws Exception {
      JsonNode root = tree("{\"a\": {\"x\": 1}, \"b\": {\"x\": 2}}");
      assertEquals(2, root.get("b").get("x").intValue());
    }
  }

  @Nested
  class Trailing {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "{} x|1|4",
          "{} {}|1|4",
          "1 2|1|3",
          "{}  ]|1|5",
          "[1]\\n  x|2|3",
          "{}\\n  }|2|3",
        })
    void contentAfterTheValueIsRefusedWhereItStarts(String text, int line, int column) {
      JsonSyntaxException e = refused(text.replace("\\n", "\n"));
      assertEquals(Kind.TRAILING_CONTENT, e.kind(), e.getMessage());
      assertEquals(new JsonLocation(line, column), e.location(), e.getMessage());
    }

    @Test
    void trailingCommentIsRefused() {
      JsonSyntaxException e = refused("{}\n\n  // note");
      assertEquals(Kind.TRAILING_CONTENT, e.kind());
    }

    @Test
    void trailingCommentIsLocatedWhereItStarts() {
      JsonSyntaxException e = refused("{}\n\n  // note");
      assertEquals(new JsonLocation(3, 3), e.location());
    }

    @Test
    void trailingWhitespaceIsFine() throws Exception {
      assertTrue(tree("{}\n\t \r\n").isObject());
    }

    @Test
    void emptyInputIsRefused() {
      JsonSyntaxException e = refused(new byte[0]);
      assertEquals(Kind.SYNTAX, e.kind());
      assertEquals(new JsonLocation(1, 1), e.location());
      assertTrue(e.reason().contains("empty"), e.reason());
    }

    @Test
    void whitespaceOnlyInputIsRefused() {
      assertEquals(Kind.SYNTAX, refused("  \n  ").kind());
    }
  }

  @Nested
  class Grammar {
    /**
     * A number whose exponent cancels out is written back as a plain integer; it is read as that
     * integer, so a model binds it the same before and after a write (found by fuzzing).
     */
    @Test
    void numbersWhoseExponentCancelsOutAreIntegers() throws Exception {
      for (String text : List.of("950e0", "950E+0", "950e-0", "950e000000000000")) {
        var node = StrictJson.reader().read(("[" + text + "]").getBytes(), "n").root().get(0);
        assertTrue(node.isInt(), text + " read as " + node.getClass().getSimpleName());
        assertEquals(950, node.asInt());
        byte[] back = JsonWriter.compact(node);
        assertEquals("950", new String(back, StandardCharsets.UTF_8));
      }
      assertTrue(
          StrictJson.reader()
              .read("[9223372036854775807e0]".getBytes(), "n")
              .root()
              .get(0)
              .isLong());
      var decimal = StrictJson.reader().read("[9.505e2]".getBytes(), "n").root().get(0);
      assertTrue(decimal.isBigDecimal(), "a fraction left after the exponent keeps the decimal");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{/* c */ \"a\": 1}",
          "{\"a\": 1 # c\n}",
          "{'a': 1}",
          "[\"a\", 'b']",
          "[NaN]",
          "[Infinity]",
          "[-Infinity]",
          "[01]",
          "[-01]",
          "[+1]",
          "[.5]",
          "[1.]",
          "[1,]",
          "{\"a\": 1,}",
          "{a: 1}",
          "[\"tab\there\"]",
          "[\"\\x41\"]",
          "[True]",
          "[nul]",
          "{\"a\" 1}",
        })
    void nonStandardJsonIsRefusedAsSyntax(String text) {
      JsonSyntaxException e = refused(text);
      assertEquals(Kind.SYNTAX, e.kind(), e.getMessage());
      assertTrue(e.location() != null && e.location().line() == 1, e.getMessage());
    }

    @Test
    void unterminatedObjectIsRefused() {
      assertEquals(Kind.SYNTAX, refused("{\"a\": [1, 2").kind());
    }

    @Test
    void scalarsAreValidTopLevelValues() throws Exception {
      assertEquals("s", tree("\"s\"").asString());
      assertTrue(tree("null").isNull());
      assertEquals(0, tree("0").intValue());
    }
  }

  /**
   * Every file of testdata/json/invalid is refused with the kind and position expected.json lists.
   */
  @TestFactory
  Stream<DynamicTest> invalidJsonFixtures() throws IOException {
    Path dir = Checkout.root().resolve("testdata/json/invalid");
    JsonNode expected = StrictJson.reader().read(dir.resolve("expected.json")).root();
    Map<String, Kind> kinds =
        Map.of(
            "json.duplicate-key", Kind.DUPLICATE_KEY,
            "json.trailing-content", Kind.TRAILING_CONTENT,
            "json.encoding", Kind.ENCODING,
            "json.syntax", Kind.SYNTAX,
            "json.limit", Kind.LIMIT);
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json") && !n.startsWith("expected"))
              .sorted()
              .toList();
    }
    assertFalse(files.isEmpty(), "no fixtures in " + dir);
    return files.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      JsonNode want = expected.get(name);
                      assertTrue(want != null, name + " has no entry in expected.json");
                      JsonSyntaxException e =
                          assertThrows(
                              JsonSyntaxException.class,
                              () -> StrictJson.reader().read(dir.resolve(name)));
                      assertEquals(
                          kinds.get(want.get("ruleId").asString()), e.kind(), e.getMessage());
                      assertEquals(
                          new JsonLocation(
                              want.get("line").intValue(), want.get("column").intValue()),
                          e.location(),
                          e.getMessage());
                    }));
  }
}
