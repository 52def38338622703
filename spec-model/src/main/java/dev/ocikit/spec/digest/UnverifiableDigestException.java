package dev.ocikit.spec.digest;

/**
 * Thrown when content should be hashed with an algorithm that is well-formed but unknown to this
 * library, so no hash can be computed. The image-spec lets such digests pass validation; they just
 * cannot be verified.
 */
public final class UnverifiableDigestException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;
  private final transient DigestAlgorithm algorithm;

  UnverifiableDigestException(DigestAlgorithm algorithm) {
    super(
        "cannot hash with digest algorithm \""
            + algorithm.name()
            + "\": it is not registered by the image-spec, so this library has no implementation"
            + " (verifiable: sha256, sha512, blake3)");
    this.algorithm = algorithm;
  }

  /** {@return the algorithm that cannot be computed} */
  public DigestAlgorithm algorithm() {
    return algorithm;
  }
}
