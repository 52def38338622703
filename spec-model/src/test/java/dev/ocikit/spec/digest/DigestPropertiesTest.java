package dev.ocikit.spec.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class DigestPropertiesTest {

  @Property
  void parseOfToStringIsIdentity(@ForAll("digests") Digest digest) {
    Digest reparsed = Digest.parse(digest.toString());
    assertEquals(digest, reparsed);
    assertEquals(digest.hashCode(), reparsed.hashCode());
    assertEquals(digest.toString(), reparsed.toString());
  }

  @Property
  void anyStringEitherParsesToItselfOrIsRejectedAsInvalid(@ForAll("digestLike") String text) {
    try {
      assertEquals(text, Digest.parse(text).toString());
    } catch (InvalidDigestException e) {
      assertEquals(text, e.input());
    }
  }

  @Property(tries = 200)
  void chunkedHashingEqualsOneShot(
      @ForAll @Size(max = 3000) byte[] content, @ForAll("chunkSizes") List<Integer> chunks) {
    for (DigestAlgorithm algorithm : DigestAlgorithm.registered()) {
      Hasher hasher = algorithm.newHasher();
      int off = 0;
      for (int i = 0; off < content.length; i++) {
        int n = Math.min(chunks.get(i % chunks.size()), content.length - off);
        hasher.update(content, off, n);
        off += n;
      }
      assertEquals(Digest.compute(algorithm, content), hasher.digest());
    }
  }

  @Provide
  Arbitrary<List<Integer>> chunkSizes() {
    return Arbitraries.integers().between(1, 1500).list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<Digest> digests() {
    Arbitrary<Digest> registered =
        Combinators.combine(
                Arbitraries.of(DigestAlgorithm.registered()),
                Arbitraries.bytes().array(byte[].class).ofSize(64))
            .as((a, bytes) -> Digest.of(a, Arrays.copyOf(bytes, a.hashLength())));
    Arbitrary<String> component =
        Arbitraries.strings().withChars("abcxyz0189").ofMinLength(1).ofMaxLength(6);
    Arbitrary<String> algorithm =
        Combinators.combine(component, Arbitraries.of("+", ".", "_", "-"), component)
            .as((x, sep, y) -> x + sep + y);
    Arbitrary<String> encoded =
        Arbitraries.strings().withChars("aZ09=_-qQ").ofMinLength(1).ofMaxLength(60);
    Arbitrary<Digest> unregistered =
        Combinators.combine(algorithm, encoded)
            .as((a, e) -> Digest.of(DigestAlgorithm.parse(a), e));
    return Arbitraries.oneOf(registered, unregistered);
  }

  @Provide
  Arbitrary<String> digestLike() {
    Arbitrary<String> anything =
        Arbitraries.strings().withChars("sha256:abcdefABCDEF0123456789+._-=/ ").ofMaxLength(80);
    Arbitrary<String> nearlyHex =
        Arbitraries.strings()
            .withChars("0123456789abcdefA")
            .ofMinLength(63)
            .ofMaxLength(65)
            .map(hex -> "sha256:" + hex);
    return Arbitraries.oneOf(anything, nearlyHex);
  }
}
