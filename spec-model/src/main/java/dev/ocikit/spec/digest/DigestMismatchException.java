package dev.ocikit.spec.digest;

/** The content hashes to a different digest than the one expected. */
public final class DigestMismatchException extends BlobVerificationException {
  private static final long serialVersionUID = 1L;
  private final transient Digest expected;
  private final transient Digest actual;

  DigestMismatchException(String context, Digest expected, Digest actual) {
    super(context, "expected digest " + expected + " but the content hashes to " + actual);
    this.expected = expected;
    this.actual = actual;
  }

  /** {@return the digest the caller declared} */
  public Digest expected() {
    return expected;
  }

  /** {@return the digest of the bytes actually read} */
  public Digest actual() {
    return actual;
  }
}
