package dev.ocikit.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text container of the targets that need several files from one input: sections, each a header
 * line {@code === NAME [ARGUMENT]} followed by its content up to the next header line. Bytes are
 * kept exactly (read as ISO-8859-1), so a section can hold binary content too, and seed files stay
 * readable and easy to write by hand. Text before the first header is ignored.
 *
 * <pre>
 * === oci-layout
 * {"imageLayoutVersion":"1.0.0"}
 * === blob
 * {"schemaVersion":2, …}
 * </pre>
 */
final class Sections {
  static final String HEADER = "=== ";

  /** One section: its header's name and argument, and its content. */
  record Section(String name, String argument, byte[] content) {
    String text() {
      return new String(content, StandardCharsets.ISO_8859_1);
    }
  }

  private Sections() {}

  /** The sections of {@code input}, in order. */
  static List<Section> parse(byte[] input) {
    String text = new String(input, StandardCharsets.ISO_8859_1);
    List<Section> out = new ArrayList<>();
    int at = text.startsWith(HEADER) ? 0 : next(text, 0);
    while (at >= 0) {
      int headerEnd = text.indexOf('\n', at);
      String header =
          text.substring(at + HEADER.length(), headerEnd < 0 ? text.length() : headerEnd);
      int contentStart = headerEnd < 0 ? text.length() : headerEnd + 1;
      int following = next(text, contentStart);
      // The newline before the next header belongs to the separator, not to the content.
      int contentEnd = following < 0 ? text.length() : Math.max(contentStart, following - 1);
      String content = text.substring(contentStart, contentEnd);
      int space = header.indexOf(' ');
      out.add(
          new Section(
              space < 0 ? header : header.substring(0, space),
              space < 0 ? "" : header.substring(space + 1),
              content.getBytes(StandardCharsets.ISO_8859_1)));
      at = following;
    }
    return out;
  }

  /** Joins sections back into one input, the inverse of {@link #parse}. */
  static byte[] join(List<Section> sections) {
    StringBuilder sb = new StringBuilder();
    for (Section s : sections) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(HEADER).append(s.name());
      if (!s.argument().isEmpty()) {
        sb.append(' ').append(s.argument());
      }
      sb.append('\n').append(s.text());
    }
    return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** Start of the next header line after {@code from} (the index of its "="), or -1. */
  private static int next(String text, int from) {
    int nl = text.indexOf("\n" + HEADER, Math.max(0, from - 1));
    return nl < 0 ? -1 : nl + 1;
  }
}
