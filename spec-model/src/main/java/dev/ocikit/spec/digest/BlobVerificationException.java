package dev.ocikit.spec.digest;

import java.io.IOException;

/**
 * Content read through a {@link VerifyingInputStream} did not match its descriptor. The message
 * names the caller's context label (for example {@code blobs/sha256/ab…}), the expected value and
 * the actual one.
 */
public abstract class BlobVerificationException extends IOException {
  private static final long serialVersionUID = 1L;

  /** The blob the failure is about, e.g. {@code blobs/sha256/ab12…}. */
  private final String context;

  BlobVerificationException(String context, String message) {
    super(context + ": " + message);
    this.context = context;
  }

  /** {@return the caller's label for the content being read} */
  public String context() {
    return context;
  }
}
