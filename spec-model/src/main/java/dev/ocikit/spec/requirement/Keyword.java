package dev.ocikit.spec.requirement;

/** An RFC 2119 keyword as a spec sentence writes it. */
public enum Keyword {
  MUST,
  MUST_NOT,
  REQUIRED,
  SHALL,
  SHALL_NOT,
  SHOULD,
  SHOULD_NOT,
  RECOMMENDED,
  NOT_RECOMMENDED,
  MAY,
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

  /** The keyword written exactly as {@code text} ({@code MUST NOT}); null when it is none. */
  public static Keyword parse(String text) {
    for (Keyword k : values()) {
      if (k.text().equals(text)) {
        return k;
      }
    }
    return null;
  }
}
