package dev.ocikit.spec.digest;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The algorithm portion of a digest: a name matching {@code [a-z0-9]+(?:[+._-][a-z0-9]+)*} that
 * selects the hash function and the encoding of its result.
 *
 * <p>The registered algorithms ({@link #SHA256}, {@link #SHA512}, {@link #BLAKE3}) are lowercase
 * hex encoded and can be computed. Any other well-formed name is a valid but unregistered
 * algorithm: digests using it parse, yet content cannot be verified against them.
 *
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#registered-algorithms">
 *     image-spec: registered algorithms</a>
 */
public final class DigestAlgorithm {
  static final Pattern NAME_GRAMMAR = Pattern.compile("[a-z0-9]+(?:[+._-][a-z0-9]+)*");
  static final Pattern ENCODED_CHARSET = Pattern.compile("[a-zA-Z0-9=_-]+");

  /** SHA-256; its encoded part is 64 lowercase hex characters. */
  public static final DigestAlgorithm SHA256 =
      new DigestAlgorithm("sha256", 32, a -> new MessageDigestHasher(a, "SHA-256"));

  /** SHA-512; its encoded part is 128 lowercase hex characters. */
  public static final DigestAlgorithm SHA512 =
      new DigestAlgorithm("sha512", 64, a -> new MessageDigestHasher(a, "SHA-512"));

  /** BLAKE3 with 256-bit output (registered on image-spec main); 64 lowercase hex characters. */
  public static final DigestAlgorithm BLAKE3 =
      new DigestAlgorithm("blake3", 32, a -> new Blake3Hasher());

  private static final List<DigestAlgorithm> REGISTERED = List.of(SHA256, SHA512, BLAKE3);

  private final String name;
  private final int hashBytes; // 0 when unregistered
  private final Pattern encodedPattern;
  private final Function<DigestAlgorithm, Hasher> hasherFactory; // null when unregistered

  private DigestAlgorithm(
      String name, int hashBytes, Function<DigestAlgorithm, Hasher> hasherFactory) {
    this.name = name;
    this.hashBytes = hashBytes;
    this.encodedPattern =
        hashBytes == 0 ? ENCODED_CHARSET : Pattern.compile("[a-f0-9]{" + hashBytes * 2 + "}");
    this.hasherFactory = hasherFactory;
  }

  /**
   * Returns the algorithm named {@code name}: a registered constant, or an unregistered value if
   * the name is well-formed.
   *
   * @param name the algorithm part of a digest, e.g. {@code sha256}
   * @return the algorithm
   * @throws InvalidDigestException if {@code name} does not match the algorithm grammar
   */
  public static DigestAlgorithm parse(String name) {
    Objects.requireNonNull(name, "name");
    for (DigestAlgorithm registered : REGISTERED) {
      if (registered.name.equals(name)) {
        return registered;
      }
    }
    if (!NAME_GRAMMAR.matcher(name).matches()) {
      throw new InvalidDigestException(
          name,
          InvalidDigestException.Rule.ALGORITHM_GRAMMAR,
          name.isEmpty()
              ? "the algorithm is empty"
              : "algorithm must be lowercase alphanumeric components joined by one of '+', '.', '_',"
                  + " '-' (grammar [a-z0-9]+(?:[+._-][a-z0-9]+)*)");
    }
    return new DigestAlgorithm(name, 0, null);
  }

  /** {@return the registered algorithms, in the order the image-spec lists them} */
  public static List<DigestAlgorithm> registered() {
    return REGISTERED;
  }

  /** {@return the name as written in a digest, e.g. {@code sha256}} */
  public String name() {
    return name;
  }

  /** {@return true for the algorithms the image-spec registers} */
  public boolean isRegistered() {
    return hashBytes != 0;
  }

  /** {@return true if this library can compute the hash, i.e. {@link #newHasher()} succeeds} */
  public boolean isVerifiable() {
    return hasherFactory != null;
  }

  /**
   * The pattern the whole encoded part must match: {@code [a-f0-9]{n}} for registered algorithms,
   * the general {@code [a-zA-Z0-9=_-]+} otherwise.
   *
   * @return the pattern of the encoded part
   */
  public Pattern encodedPattern() {
    return encodedPattern;
  }

  /** {@return the hash length in bytes for registered algorithms, 0 when unknown} */
  public int hashLength() {
    return hashBytes;
  }

  /**
   * Starts a new hash computation.
   *
   * @return a fresh hasher for this algorithm
   * @throws UnverifiableDigestException if the algorithm is not {@linkplain #isVerifiable()
   *     verifiable}
   */
  public Hasher newHasher() {
    if (hasherFactory == null) {
      throw new UnverifiableDigestException(this);
    }
    return hasherFactory.apply(this);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigestAlgorithm && ((DigestAlgorithm) o).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** The name, e.g. {@code sha256}. */
  @Override
  public String toString() {
    return name;
  }
}
