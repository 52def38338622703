package dev.ocikit.spec.digest;

import static dev.ocikit.spec.digest.DigestVectors.ascii;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.digest.InvalidDigestException.Rule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestTest {
  private static final String HEX64 = DigestVectors.SHA256_EMPTY;

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sha256:" + HEX64,
        "sha512:" + DigestVectors.SHA512_EMPTY,
        "blake3:" + DigestVectors.BLAKE3_EMPTY,
        "multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8",
        "sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564",
        "foo:==",
        "a.b-c_d+e:ABC-_=xyz"
      })
  void wellFormedDigestsParseAndPrintBack(String text) {
    Digest digest = Digest.parse(text);
    assertEquals(text, digest.toString());
    assertEquals(text.substring(0, text.indexOf(':')), digest.algorithm().name());
    assertEquals(text.substring(text.indexOf(':') + 1), digest.encoded());
    assertEquals(Optional.of(digest), Digest.tryParse(text));
  }

  static Stream<Arguments> malformed() {
    String hex63 = HEX64.substring(1);
    return Stream.of(
        Arguments.of("sha256", Rule.MISSING_SEPARATOR, "no ':'"),
        Arguments.of("", Rule.MISSING_SEPARATOR, "no ':'"),
        Arguments.of(":" + HEX64, Rule.ALGORITHM_GRAMMAR, "algorithm is empty"),
        Arguments.of("SHA256:" + HEX64, Rule.ALGORITHM_GRAMMAR, "grammar"),
        Arguments.of("sha..256:abc", Rule.ALGORITHM_GRAMMAR, "grammar"),
        Arguments.of("sha256+:abc", Rule.ALGORITHM_GRAMMAR, "grammar"),
        Arguments.of("+sha256:abc", Rule.ALGORITHM_GRAMMAR, "grammar"),
        Arguments.of("sha256:", Rule.ENCODED_CHARSET, "is empty"),
        Arguments.of("sha256::" + HEX64, Rule.ENCODED_CHARSET, "[a-zA-Z0-9=_-]+"),
        Arguments.of("foo:a/b", Rule.ENCODED_CHARSET, "[a-zA-Z0-9=_-]+"),
        Arguments.of("foo:abc def", Rule.ENCODED_CHARSET, "[a-zA-Z0-9=_-]+"),
        Arguments.of("sha256:" + hex63, Rule.ENCODED_LENGTH, "needs 64 hex characters, found 63"),
        Arguments.of("sha256:" + HEX64 + "0", Rule.ENCODED_LENGTH, "found 65"),
        Arguments.of("sha512:" + HEX64, Rule.ENCODED_LENGTH, "needs 128 hex characters, found 64"),
        Arguments.of("blake3:" + hex63, Rule.ENCODED_LENGTH, "found 63"),
        Arguments.of("sha256:" + HEX64.toUpperCase(), Rule.ENCODED_NOT_LOWERCASE_HEX, "lowercase"),
        Arguments.of("sha256:" + "E" + hex63, Rule.ENCODED_NOT_LOWERCASE_HEX, "lowercase"),
        Arguments.of(
            "blake3:" + DigestVectors.BLAKE3_EMPTY.toUpperCase(),
            Rule.ENCODED_NOT_LOWERCASE_HEX,
            "lowercase"),
        Arguments.of("sha256:" + "g".repeat(64), Rule.ENCODED_NOT_LOWERCASE_HEX, "[a-f0-9]"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedDigestsNameTheInputAndTheRule(String text, Rule rule, String detail) {
    InvalidDigestException e = assertThrows(InvalidDigestException.class, () -> Digest.parse(text));
    assertEquals(rule, e.rule());
    assertEquals(text, e.input());
    assertTrue(e.getMessage().startsWith("invalid digest \"" + text + "\": "), e.getMessage());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertEquals(Optional.empty(), Digest.tryParse(text));
  }

  @Test
  void messagesEscapeControlCharactersAndShortenLongInput() {
    InvalidDigestException e =
        assertThrows(InvalidDigestException.class, () -> Digest.parse("sha\n256:\u001b[31m"));
    assertTrue(e.getMessage().startsWith("invalid digest \"sha\\u000a256:\\u001b[31m\""));
    String huge = "x".repeat(10_000);
    e = assertThrows(InvalidDigestException.class, () -> Digest.parse(huge));
    assertTrue(e.getMessage().contains("… (10000 chars)"), e.getMessage());
    assertTrue(e.getMessage().length() < 300, "message length " + e.getMessage().length());
  }

  @Test
  void tryParseOfNullIsEmpty() {
    assertEquals(Optional.empty(), Digest.tryParse(null));
  }

  @Test
  void ofEncodesRawHashesAsLowercaseHex() {
    byte[] hash = new byte[32];
    Arrays.fill(hash, (byte) 0xAB);
    assertEquals("sha256:" + "ab".repeat(32), Digest.of(DigestAlgorithm.SHA256, hash).toString());
    assertThrows(
        IllegalArgumentException.class, () -> Digest.of(DigestAlgorithm.SHA512, new byte[32]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Digest.of(DigestAlgorithm.parse("foo"), new byte[32]));
  }

  @Test
  void ofEncodedStringValidatesLikeParse() {
    assertEquals(Digest.parse("sha256:" + HEX64), Digest.of(DigestAlgorithm.SHA256, HEX64));
    InvalidDigestException e =
        assertThrows(
            InvalidDigestException.class,
            () -> Digest.of(DigestAlgorithm.SHA256, HEX64.toUpperCase()));
    assertEquals(Rule.ENCODED_NOT_LOWERCASE_HEX, e.rule());
    assertEquals("sha256:" + HEX64.toUpperCase(), e.input());
  }

  @Test
  void equalityIsByAlgorithmAndEncoded() {
    Digest a = Digest.parse("sha256:" + HEX64);
    assertEquals(a, Digest.parse("sha256:" + HEX64));
    assertEquals(a.hashCode(), Digest.parse("sha256:" + HEX64).hashCode());
    assertNotEquals(a, Digest.parse("blake3:" + HEX64));
    assertNotEquals(a, Digest.parse("sha256:" + DigestVectors.SHA256_ABC));
  }

  static Stream<Arguments> vectors() {
    return Stream.of(
        Arguments.of(DigestAlgorithm.SHA256, ascii(""), DigestVectors.SHA256_EMPTY),
        Arguments.of(DigestAlgorithm.SHA256, ascii("abc"), DigestVectors.SHA256_ABC),
        Arguments.of(DigestAlgorithm.SHA256, ascii("{}"), DigestVectors.SHA256_EMPTY_JSON),
        Arguments.of(
            DigestAlgorithm.SHA256, ascii("a".repeat(1_000_000)), DigestVectors.SHA256_MILLION_A),
        Arguments.of(
            DigestAlgorithm.SHA256, DigestVectors.pattern(4097), DigestVectors.SHA256_PATTERN_4097),
        Arguments.of(DigestAlgorithm.SHA512, ascii(""), DigestVectors.SHA512_EMPTY),
        Arguments.of(DigestAlgorithm.SHA512, ascii("abc"), DigestVectors.SHA512_ABC),
        Arguments.of(
            DigestAlgorithm.SHA512, DigestVectors.pattern(4097), DigestVectors.SHA512_PATTERN_4097),
        Arguments.of(DigestAlgorithm.BLAKE3, ascii(""), DigestVectors.BLAKE3_EMPTY),
        Arguments.of(DigestAlgorithm.BLAKE3, ascii("abc"), DigestVectors.BLAKE3_ABC),
        Arguments.of(
            DigestAlgorithm.BLAKE3, DigestVectors.pattern(1024), DigestVectors.BLAKE3_PATTERN_1024),
        Arguments.of(
            DigestAlgorithm.BLAKE3, DigestVectors.pattern(1025), DigestVectors.BLAKE3_PATTERN_1025),
        Arguments.of(
            DigestAlgorithm.BLAKE3,
            DigestVectors.pattern(4097),
            DigestVectors.BLAKE3_PATTERN_4097));
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void computeMatchesKnownVectors(DigestAlgorithm algorithm, byte[] content, String hex)
      throws IOException {
    Digest expected = Digest.parse(algorithm.name() + ":" + hex);
    assertEquals(expected, Digest.compute(algorithm, content));
    assertEquals(expected, Digest.compute(algorithm, new ByteArrayInputStream(content)));
  }

  @Test
  void computeWithAnUnverifiableAlgorithmThrows() {
    assertThrows(
        UnverifiableDigestException.class,
        () -> Digest.compute(DigestAlgorithm.parse("multihash+base58"), ascii("abc")));
  }
}
