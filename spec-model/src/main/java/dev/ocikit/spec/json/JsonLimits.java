package dev.ocikit.spec.json;

/**
 * Bounds that keep a hostile document from exhausting memory or stack.
 *
 * @param maxDocumentBytes the largest accepted input
 * @param maxDepth the deepest nesting of arrays and objects
 * @param maxStringLength the longest string value or member name, in characters
 */
public record JsonLimits(long maxDocumentBytes, int maxDepth, int maxStringLength) {
  /** Generous for any real OCI document (a config is a few KiB, an index rarely 1 MiB). */
  public static final JsonLimits DEFAULT = new JsonLimits(64L << 20, 128, 8 << 20);

  /**
   * Checks that every bound is positive.
   *
   * @param maxDocumentBytes the largest document, in bytes
   * @param maxDepth the deepest nesting of arrays and objects
   * @param maxStringLength the longest string value or member name, in characters
   * @throws IllegalArgumentException if a bound is zero or negative
   */
  public JsonLimits {
    if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxStringLength <= 0) {
      throw new IllegalArgumentException("JSON limits must be positive");
    }
  }
}
