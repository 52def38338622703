package dev.ocikit.spec.digest;

import dev.ocikit.spec.UntrustedText;

/**
 * Thrown when a string is not a well-formed digest or algorithm name. The message quotes the
 * (possibly untrusted, so escaped and shortened) input and states the rule it violates; {@link
 * #rule()} gives the same rule as data.
 */
public final class InvalidDigestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The rule of the image-spec digest grammar that an input violates. */
  public enum Rule {
    /** No {@code ':'} separates the algorithm from the encoded part. */
    MISSING_SEPARATOR,
    /** The algorithm does not match {@code [a-z0-9]+(?:[+._-][a-z0-9]+)*}. */
    ALGORITHM_GRAMMAR,
    /** The encoded part does not match {@code [a-zA-Z0-9=_-]+}. */
    ENCODED_CHARSET,
    /** The encoded part has the wrong length for a registered algorithm. */
    ENCODED_LENGTH,
    /** The encoded part of a registered algorithm is not lowercase hexadecimal. */
    ENCODED_NOT_LOWERCASE_HEX
  }

  /** The rejected input, as given. */
  private final String input;

  /** The rule it breaks. */
  private final Rule rule;

  /** The rule in words, for the message. */
  private final String detail;

  InvalidDigestException(String input, Rule rule, String detail) {
    super("invalid digest " + UntrustedText.quote(input) + ": " + detail);
    this.input = input;
    this.rule = rule;
    this.detail = detail;
  }

  /** {@return the rejected input, verbatim} */
  public String input() {
    return input;
  }

  /** {@return the violated rule} */
  public Rule rule() {
    return rule;
  }

  /** The violated rule in words, without the quoted input. */
  String detail() {
    return detail;
  }
}
