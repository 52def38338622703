package dev.ocikit.spec.requirement;

/** An RFC 2119 keyword as a spec sentence writes it. */
public enum Keyword {
  /** The sentence states an absolute requirement. */
  MUST,
  /** The sentence states an absolute prohibition. */
  MUST_NOT,
  /** The same as {@link #MUST}. */
  REQUIRED,
  /** The same as {@link #MUST}. */
  SHALL,
  /** The same as {@link #MUST_NOT}. */
  SHALL_NOT,
  /** There may be valid reasons to do otherwise, but the sentence is the rule. */
  SHOULD,
  /** There may be valid reasons to do it, but the sentence is the rule. */
  SHOULD_NOT,
  /** The same as {@link #SHOULD}. */
  RECOMMENDED,
  /** The same as {@link #SHOULD_NOT}. */
  NOT_RECOMMENDED,
  /** Truly optional. */
  MAY,
  /** The same as {@link #MAY}. */
  OPTIONAL;

  /** {@return the keyword as written, e.g. {@code MUST NOT}} */
  public String text() {
    return name().replace('_', ' ');
  }

  /** {@return how binding the keyword is: {@code MUST}, {@code SHOULD} or {@code MAY}} */
  public String strength() {
    return switch (this) {
      case MUST, MUST_NOT, REQUIRED, SHALL, SHALL_NOT -> "MUST";
      case SHOULD, SHOULD_NOT, RECOMMENDED, NOT_RECOMMENDED -> "SHOULD";
      case MAY, OPTIONAL -> "MAY";
    };
  }

  /**
   * The keyword written exactly as {@code text} ({@code MUST NOT}); null when it is none.
   *
   * @param text the words as written, e.g. {@code SHOULD NOT}
   * @return the keyword, or null
   */
  public static Keyword parse(String text) {
    for (Keyword k : values()) {
      if (k.text().equals(text)) {
        return k;
      }
    }
    return null;
  }
}
