package dev.ocikit.conformance.report;

/**
 * The one escaper for text that goes into XML or HTML reports. Everything a runtime says (its
 * version, output, error messages) and every name or reason a user gave ends up in a report, so all
 * of it passes through here before it meets markup.
 */
final class Markup {
  private Markup() {}

  /**
   * {@code unsafe} with the five markup characters as entities and the control characters XML 1.0
   * forbids dropped; safe in element content and in quoted attribute values. Null is the empty
   * string.
   */
  static String escape(String unsafe) {
    StringBuilder sb = new StringBuilder();
    for (char c : (unsafe == null ? "" : unsafe).toCharArray()) {
      switch (c) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        default -> {
          // XML 1.0 forbids most control characters even when escaped; HTML shows none of them.
          if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
            sb.append(c);
          }
        }
      }
    }
    return sb.toString();
  }
}
