package dev.ocikit.cli;

import dev.ocikit.validate.schema.SchemaKeywords;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Schema locations as the requirement catalog names them: {@code <folder>/<file>#<pointer>}. */
final class SchemaLocations {
  private SchemaLocations() {}

  /** The schema node at {@code location}, if the file and pointer exist. */
  static Optional<JsonNode> resolve(String location) {
    int hash = location.indexOf('#');
    String file = location.substring(0, hash);
    if (!SchemaKeywords.files().contains(file)) {
      return Optional.empty();
    }
    JsonNode node = SchemaKeywords.load(file);
    for (String token : location.substring(hash + 1).split("/")) {
      if (token.isEmpty()) {
        continue;
      }
      String name = token.replace("~1", "/").replace("~0", "~");
      node = node.isArray() ? node.path(parseIndex(name)) : node.path(name);
      if (node.isMissingNode()) {
        return Optional.empty();
      }
    }
    return Optional.of(node);
  }

  /**
   * Whether the schema at {@code location} uses {@code keyword}: itself, in its array items or
   * alternatives, or in the definition its {@code $ref} names.
   */
  static boolean uses(String location, JsonNode node, String keyword) {
    return uses(location.substring(0, location.indexOf('#')), node, keyword, 2);
  }

  private static boolean uses(String file, JsonNode node, String keyword, int depth) {
    if (!node.isObject() || depth < 0) {
      return false;
    }
    if (node.has(keyword)) {
      return true;
    }
    for (String nested : new String[] {"items", "anyOf", "oneOf", "allOf"}) {
      JsonNode n = node.path(nested);
      if (n.isObject() && uses(file, n, keyword, depth - 1)) {
        return true;
      }
      if (n.isArray()) {
        for (JsonNode each : n) {
          if (uses(file, each, keyword, depth - 1)) {
            return true;
          }
        }
      }
    }
    String ref = node.path("$ref").asString(null);
    if (ref != null && ref.contains("#")) {
      String target = ref.substring(0, ref.indexOf('#'));
      String refFile =
          target.isEmpty() ? file : file.substring(0, file.lastIndexOf('/') + 1) + target;
      Optional<JsonNode> at = resolve(refFile + ref.substring(ref.indexOf('#')));
      return at.isPresent() && uses(refFile, at.get(), keyword, depth - 1);
    }
    return false;
  }

  private static int parseIndex(String token) {
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
