package dev.ocikit.spec.json;

import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A parsed document: its tree, where it came from, and the text position of every value so a
 * finding can say line and column for any JSON pointer.
 */
public final class JsonDocument {
  private final String source;
  private final JsonNode root;
  private final Map<String, Long> locations;

  JsonDocument(String source, JsonNode root, Map<String, Long> locations) {
    this.source = source;
    this.root = root;
    this.locations = locations;
  }

  /** {@return the file name or label given when reading} */
  public String source() {
    return source;
  }

  /** {@return the document tree (mutable Jackson nodes; treat as read-only)} */
  public JsonNode root() {
    return root;
  }

  /**
   * Returns the position of the value at {@code pointer} (RFC 6901); for a pointer to something
   * absent, the position of its nearest present ancestor.
   *
   * @param pointer an RFC 6901 JSON pointer, {@code ""} for the root
   * @return the line and column, or empty when the document has no positions
   */
  public Optional<JsonLocation> locate(String pointer) {
    String p = pointer == null ? "" : pointer;
    while (true) {
      Long packed = locations.get(p);
      if (packed != null) {
        return Optional.of(new JsonLocation((int) (packed >>> 32), (int) (long) packed));
      }
      if (p.isEmpty()) {
        return Optional.empty();
      }
      p = p.substring(0, p.lastIndexOf('/'));
    }
  }
}
