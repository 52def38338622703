package dev.ocikit.spec;

/**
 * The one sanitiser for untrusted text in messages (a digest, a media type, a tar entry name, a
 * command-line argument, a runtime's output): puts it into a message safely, quoted, with quotes,
 * backslashes, control characters and lone surrogates escaped, so a hostile name cannot forge lines
 * or drive the terminal, and shortened when long.
 */
public final class UntrustedText {
  /** Characters of the input kept in a message; the rest is counted, not shown. */
  public static final int MAX_QUOTED = 160;

  private UntrustedText() {}

  /**
   * {@code unsafe} in double quotes, escaped, at most {@value #MAX_QUOTED} characters of it.
   *
   * @param unsafe the untrusted text, or null
   * @return the quoted text
   */
  public static String quote(String unsafe) {
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

  /**
   * {@code text} with every character a terminal would act on written as {@code \\uXXXX}: C0 and C1
   * controls, DEL and lone surrogates. For a line of human-readable output that may hold parts of
   * an untrusted document; quotes and backslashes are left alone.
   *
   * @param text the text to make safe for a terminal
   * @return the text with those characters escaped
   */
  public static String printable(String text) {
    StringBuilder sb = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean unsafe =
          c < 0x20
              || (c >= 0x7f && c < 0xa0)
              || (Character.isHighSurrogate(c)
                  && !(i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))))
              || (Character.isLowSurrogate(c)
                  && !(i > 0 && Character.isHighSurrogate(text.charAt(i - 1))));
      if (unsafe && sb == null) {
        sb = new StringBuilder(text.length() + 16).append(text, 0, i);
      }
      if (sb != null) {
        if (unsafe) {
          sb.append(String.format("\\u%04x", (int) c));
        } else {
          sb.append(c);
        }
      }
    }
    return sb == null ? text : sb.toString();
  }

  /**
   * The first line of untrusted program output, stripped, at most {@code max} characters (then
   * {@code ...}), every control character (C0, DEL, C1) replaced by {@code ?}: a short excerpt that
   * fits one line of any report, where escapes would only add noise.
   *
   * @param unsafe the untrusted output, or null
   * @param max the most characters kept
   * @return the line to show
   */
  public static String firstLine(String unsafe, int max) {
    String s = unsafe.strip();
    int nl = s.indexOf('\n');
    if (nl >= 0) {
      s = s.substring(0, nl).strip();
    }
    boolean cut = s.length() > max;
    StringBuilder sb = new StringBuilder();
    s.substring(0, Math.min(s.length(), max))
        .codePoints()
        .forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    return cut ? sb.append("...").toString() : sb.toString();
  }
}
