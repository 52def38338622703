package dev.ocikit.check;

/**
 * Where a finding points: a file, a JSON pointer inside it (RFC 6901; empty for the whole document,
 * null when the finding is about the file itself), and the text position when known.
 *
 * @param file the file, as given by the user or relative to the bundle
 * @param pointer JSON pointer, or null
 * @param line 1-based line, or null
 * @param column 1-based column, or null
 */
public record Location(String file, String pointer, Integer line, Integer column) {
  /**
   * {@return a location for a whole file}
   *
   * @param file the file's path as the user gave it
   */
  public static Location file(String file) {
    return new Location(file, null, null, null);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file == null ? "" : file);
    if (line != null) {
      s.append(':').append(line);
      if (column != null) {
        s.append(':').append(column);
      }
    }
    if (pointer != null) {
      s.append(" #").append(pointer.isEmpty() ? "/" : pointer);
    }
    return s.toString();
  }
}
