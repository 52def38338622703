package dev.ocikit.check;

/**
 * How binding the rule behind a finding is: the RFC 2119 keyword of the spec sentence, or {@link
 * #ADVICE} for likely trouble that no spec sentence forbids.
 */
public enum Level {
  /** MUST, MUST NOT, REQUIRED, SHALL. */
  MUST,
  /** SHOULD, SHOULD NOT, RECOMMENDED. */
  SHOULD,
  /** MAY, OPTIONAL. */
  MAY,
  /** Not a spec requirement: a warning about something that will probably not work as meant. */
  ADVICE;

  /**
   * {@return whether this level is at least as binding as {@code threshold}}
   *
   * @param threshold the level to compare with
   */
  public boolean atLeast(Level threshold) {
    return ordinal() <= threshold.ordinal();
  }
}
