package dev.ocikit.spec.json;

/**
 * A position in a JSON text, 1-based.
 *
 * @param line line number, counting LF line ends
 * @param column column number in characters
 */
public record JsonLocation(int line, int column) {
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
