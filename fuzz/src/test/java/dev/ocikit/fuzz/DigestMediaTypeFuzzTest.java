package dev.ocikit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.InvalidDigestException;
import dev.ocikit.spec.mediatype.InvalidMediaTypeException;
import dev.ocikit.spec.mediatype.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Digest, digest algorithm and media type parsing of one string (the input as UTF-8). Each parser
 * may refuse only with its documented exception ({@link InvalidDigestException}, {@link
 * InvalidMediaTypeException}), its {@code tryParse} must agree with it, and for what it accepts
 * parse → toString → parse is the identity: the same value, the same text, the same hash code.
 */
class DigestMediaTypeFuzzTest {
  @FuzzTest
  void parsePrintParse(byte[] input) throws Exception {
    String s = new String(input, StandardCharsets.UTF_8);
    digest(s);
    int colon = s.indexOf(':');
    algorithm(colon < 0 ? s : s.substring(0, colon));
    mediaType(s);
  }

  private static void digest(String s) throws Exception {
    Digest d = Documented.orRefused(() -> Digest.parse(s), List.of(InvalidDigestException.class));
    check(Digest.tryParse(s).equals(Optional.ofNullable(d)), "Digest.tryParse disagrees", s);
    if (d == null) {
      return;
    }
    check(d.toString().equals(s), "a parsed digest prints other text", s);
    Digest again = Digest.parse(d.toString());
    check(again.equals(d) && again.hashCode() == d.hashCode(), "digest round trip", s);
    check(Digest.of(d.algorithm(), d.encoded()).equals(d), "Digest.of disagrees", s);
    if (d.algorithm().isRegistered()) {
      check(d.encoded().length() == 2 * d.algorithm().hashLength(), "encoded length", s);
    }
  }

  private static void algorithm(String name) throws Exception {
    DigestAlgorithm a =
        Documented.orRefused(
            () -> DigestAlgorithm.parse(name), List.of(InvalidDigestException.class));
    if (a != null) {
      check(a.toString().equals(name), "a parsed algorithm prints another name", name);
      check(DigestAlgorithm.parse(a.name()).equals(a), "algorithm round trip", name);
    }
  }

  private static void mediaType(String s) throws Exception {
    MediaType m =
        Documented.orRefused(() -> MediaType.parse(s), List.of(InvalidMediaTypeException.class));
    check(MediaType.tryParse(s).equals(Optional.ofNullable(m)), "MediaType.tryParse disagrees", s);
    if (m == null) {
      return;
    }
    String printed = m.toString();
    MediaType again = MediaType.parse(printed);
    check(again.equals(m) && again.hashCode() == m.hashCode(), "media type round trip", s);
    check(again.toString().equals(printed), "media type prints differently", s);
    MediaType essence = MediaType.parse(m.essence());
    check(essence.essence().equals(m.essence()), "essence round trip", s);
    m.compression();
    m.suffix();
  }

  private static void check(boolean holds, String what, String input) {
    if (!holds) {
      throw new AssertionError(what + " for " + dev.ocikit.spec.UntrustedText.quote(input));
    }
  }
}
