package dev.ocikit.spec.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DigestAlgorithmTest {

  @Test
  void registeredAlgorithmsHaveSpecNamesLengthsAndHexPatterns() {
    assertEquals(
        List.of(DigestAlgorithm.SHA256, DigestAlgorithm.SHA512, DigestAlgorithm.BLAKE3),
        DigestAlgorithm.registered());
    assertEquals("sha256", DigestAlgorithm.SHA256.name());
    assertEquals("sha512", DigestAlgorithm.SHA512.name());
    assertEquals("blake3", DigestAlgorithm.BLAKE3.name());
    assertEquals("[a-f0-9]{64}", DigestAlgorithm.SHA256.encodedPattern().pattern());
    assertEquals("[a-f0-9]{128}", DigestAlgorithm.SHA512.encodedPattern().pattern());
    assertEquals("[a-f0-9]{64}", DigestAlgorithm.BLAKE3.encodedPattern().pattern());
    assertEquals(32, DigestAlgorithm.SHA256.hashLength());
    assertEquals(64, DigestAlgorithm.SHA512.hashLength());
    for (DigestAlgorithm a : DigestAlgorithm.registered()) {
      assertTrue(a.isRegistered(), a.name());
      assertTrue(a.isVerifiable(), a.name());
      assertEquals(a, a.newHasher().algorithm());
    }
  }

  @Test
  void parseReturnsTheRegisteredConstant() {
    assertSame(DigestAlgorithm.SHA256, DigestAlgorithm.parse("sha256"));
    assertSame(DigestAlgorithm.SHA512, DigestAlgorithm.parse("sha512"));
    assertSame(DigestAlgorithm.BLAKE3, DigestAlgorithm.parse("blake3"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"multihash+base58", "sha256+b64u", "a.b_c-d+e", "0", "sha384"})
  void wellFormedUnknownNamesAreValidButUnverifiable(String name) {
    DigestAlgorithm algorithm = DigestAlgorithm.parse(name);
    assertEquals(name, algorithm.name());
    assertEquals(name, algorithm.toString());
    assertFalse(algorithm.isRegistered());
    assertFalse(algorithm.isVerifiable());
    assertEquals(0, algorithm.hashLength());
    assertEquals("[a-zA-Z0-9=_-]+", algorithm.encodedPattern().pattern());
    UnverifiableDigestException e =
        assertThrows(UnverifiableDigestException.class, algorithm::newHasher);
    assertEquals(algorithm, e.algorithm());
    assertTrue(e.getMessage().contains("\"" + name + "\""), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "SHA256",
        "Sha256",
        "sha256-",
        "-sha256",
        "sha__256",
        "sha+-256",
        "sha 256",
        "sha256:",
        "sha/256",
        "sha256\n",
        "é"
      })
  void malformedNamesAreRejectedWithTheGrammarRule(String name) {
    InvalidDigestException e =
        assertThrows(InvalidDigestException.class, () -> DigestAlgorithm.parse(name));
    assertEquals(InvalidDigestException.Rule.ALGORITHM_GRAMMAR, e.rule());
    assertEquals(name, e.input());
  }

  @Test
  void equalityFollowsTheName() {
    assertEquals(DigestAlgorithm.parse("foo+bar"), DigestAlgorithm.parse("foo+bar"));
    assertEquals(
        DigestAlgorithm.parse("foo+bar").hashCode(), DigestAlgorithm.parse("foo+bar").hashCode());
    assertFalse(DigestAlgorithm.parse("foo+bar").equals(DigestAlgorithm.parse("foo.bar")));
    assertFalse(DigestAlgorithm.SHA256.equals(DigestAlgorithm.BLAKE3));
  }
}
