package dev.ocikit.spec.mediatype;

/**
 * Thrown when a string is not a media type per RFC 6838. The message quotes the (escaped,
 * shortened) input and names the rule it violates.
 */
public final class InvalidMediaTypeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 160;
  private final String input;

  InvalidMediaTypeException(String input, String detail) {
    super("invalid media type " + quote(input) + ": " + detail);
    this.input = input;
  }

  /** The rejected input, verbatim. */
  public String input() {
    return input;
  }

  private static String quote(String unsafe) {
    StringBuilder sb = new StringBuilder("\"");
    int end = Math.min(unsafe.length(), MAX_QUOTED);
    for (int i = 0; i < end; i++) {
      char c = unsafe.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
    if (unsafe.length() > end) {
      sb.append("… (").append(unsafe.length()).append(" chars)");
    }
    return sb.toString();
  }
}
