package dev.ocikit.spec.mediatype;

import dev.ocikit.spec.UntrustedText;

/**
 * Thrown when a string is not a media type per RFC 6838. The message quotes the (escaped,
 * shortened) input and names the rule it violates.
 */
public final class InvalidMediaTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The rejected input, as given. */
  private final String input;

  InvalidMediaTypeException(String input, String detail) {
    super("invalid media type " + UntrustedText.quote(input) + ": " + detail);
    this.input = input;
  }

  /** {@return the rejected input, verbatim} */
  public String input() {
    return input;
  }
}
