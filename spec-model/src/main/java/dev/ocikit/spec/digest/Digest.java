package dev.ocikit.spec.digest;

import dev.ocikit.spec.digest.InvalidDigestException.Rule;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A content digest {@code algorithm:encoded}, validated against the image-spec grammar and, for
 * registered algorithms, the exact length and lowercase hex encoding they require.
 *
 * <p>Create one with {@link #parse}, {@link #tryParse}, {@link #of} or {@link #compute}. Two
 * digests are equal when their strings are equal.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests">
 *     image-spec: digests</a>
 */
public final class Digest {
  private static final HexFormat HEX = HexFormat.of(); // lowercase
  private static final int STREAM_BUFFER = 64 * 1024;

  private final DigestAlgorithm algorithm;
  private final String encoded;

  private Digest(DigestAlgorithm algorithm, String encoded) {
    this.algorithm = algorithm;
    this.encoded = encoded;
  }

  /**
   * Parses {@code algorithm:encoded}.
   *
   * @param unsafeDigest the untrusted text, e.g. {@code sha256:e3b0…}
   * @return the parsed digest
   * @throws InvalidDigestException naming the input and the violated rule
   */
  public static Digest parse(String unsafeDigest) {
    Objects.requireNonNull(unsafeDigest, "digest");
    int colon = unsafeDigest.indexOf(':');
    if (colon < 0) {
      throw new InvalidDigestException(
          unsafeDigest, Rule.MISSING_SEPARATOR, "expected algorithm:encoded, found no ':'");
    }
    DigestAlgorithm algorithm;
    try {
      algorithm = DigestAlgorithm.parse(unsafeDigest.substring(0, colon));
    } catch (InvalidDigestException e) {
      // Re-throw naming the whole input, not just its algorithm part.
      throw new InvalidDigestException(unsafeDigest, e.rule(), e.detail());
    }
    return validated(unsafeDigest, algorithm, unsafeDigest.substring(colon + 1));
  }

  /**
   * Like {@link #parse}, but returns empty for null or malformed input instead of throwing.
   *
   * @param unsafeDigest the untrusted text, or null
   * @return the digest, or empty when the text is not one
   */
  public static Optional<Digest> tryParse(String unsafeDigest) {
    if (unsafeDigest == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(parse(unsafeDigest));
    } catch (InvalidDigestException e) {
      return Optional.empty();
    }
  }

  /**
   * The digest with the given encoded part.
   *
   * @param algorithm the algorithm
   * @param encoded the encoded part (hex for registered algorithms)
   * @return the digest
   * @throws InvalidDigestException if {@code encoded} does not suit {@code algorithm}
   */
  public static Digest of(DigestAlgorithm algorithm, String encoded) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(encoded, "encoded");
    return validated(algorithm.name() + ":" + encoded, algorithm, encoded);
  }

  /**
   * The digest of a raw hash value, hex encoded as registered algorithms require.
   *
   * @param algorithm a registered algorithm
   * @param hash the raw hash bytes
   * @return the digest
   * @throws IllegalArgumentException if the algorithm is unregistered (its encoding is unknown) or
   *     {@code hash} has the wrong length
   */
  public static Digest of(DigestAlgorithm algorithm, byte[] hash) {
    if (!algorithm.isRegistered()) {
      throw new IllegalArgumentException(
          "cannot encode a raw hash for unregistered algorithm \"" + algorithm + "\"");
    }
    if (hash.length != algorithm.hashLength()) {
      throw new IllegalArgumentException(
          algorithm + " hash must be " + algorithm.hashLength() + " bytes, got " + hash.length);
    }
    return new Digest(algorithm, HEX.formatHex(hash));
  }

  /**
   * Hashes {@code content} with {@code algorithm}.
   *
   * @param algorithm a verifiable algorithm
   * @param content the bytes to hash
   * @return the digest of {@code content}
   */
  public static Digest compute(DigestAlgorithm algorithm, byte[] content) {
    Hasher hasher = algorithm.newHasher();
    hasher.update(content, 0, content.length);
    return hasher.digest();
  }

  /**
   * Hashes everything remaining in {@code content} (not closed) with {@code algorithm}.
   *
   * @param algorithm a verifiable algorithm
   * @param content the stream to read to its end
   * @return the digest of what was read
   * @throws IOException if reading fails
   */
  public static Digest compute(DigestAlgorithm algorithm, InputStream content) throws IOException {
    Hasher hasher = algorithm.newHasher();
    byte[] buffer = new byte[STREAM_BUFFER];
    for (int n; (n = content.read(buffer)) != -1; ) {
      hasher.update(buffer, 0, n);
    }
    return hasher.digest();
  }

  private static Digest validated(String input, DigestAlgorithm algorithm, String encoded) {
    if (!DigestAlgorithm.ENCODED_CHARSET.matcher(encoded).matches()) {
      throw new InvalidDigestException(
          input,
          Rule.ENCODED_CHARSET,
          encoded.isEmpty()
              ? "the encoded part after ':' is empty"
              : "the encoded part must match [a-zA-Z0-9=_-]+");
    }
    if (algorithm.isRegistered()) {
      int want = algorithm.hashLength() * 2;
      if (encoded.length() != want) {
        throw new InvalidDigestException(
            input,
            Rule.ENCODED_LENGTH,
            algorithm + " needs " + want + " hex characters, found " + encoded.length());
      }
      if (!algorithm.encodedPattern().matcher(encoded).matches()) {
        throw new InvalidDigestException(
            input,
            Rule.ENCODED_NOT_LOWERCASE_HEX,
            algorithm + " needs lowercase hex [a-f0-9] (uppercase A-F is not allowed)");
      }
    }
    return new Digest(algorithm, encoded);
  }

  /** {@return the algorithm portion} */
  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  /** {@return the encoded portion, after the {@code ':'}} */
  public String encoded() {
    return encoded;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest
        && ((Digest) o).algorithm.equals(algorithm)
        && ((Digest) o).encoded.equals(encoded);
  }

  @Override
  public int hashCode() {
    return 31 * algorithm.hashCode() + encoded.hashCode();
  }

  /** The digest string {@code algorithm:encoded}. */
  @Override
  public String toString() {
    return algorithm.name() + ":" + encoded;
  }
}
