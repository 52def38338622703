package dev.ocikit.spec.model.internal;

import dev.ocikit.spec.model.JsonShapeException;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Reads the properties of one JSON object for a generated record. Properties that are unknown, or
 * whose value does not fit, stay unconsumed and end up in {@link #others()}.
 */
public final class FieldReader {
  private final JsonNode node;
  private final Set<String> consumed = new HashSet<>();

  private FieldReader(JsonNode node) {
    this.node = node;
  }

  /** Starts reading {@code node}, which must be an object. */
  public static FieldReader of(JsonNode node, String typeName) {
    if (node == null || !node.isObject()) {
      throw new JsonShapeException(
          typeName + " needs a JSON object but got " + Binder.describe(node));
    }
    return new FieldReader(node);
  }

  /** Decodes property {@code key}; null when absent or when the value does not fit. */
  public <T> T get(String key, Function<JsonNode, T> decoder) {
    JsonNode value = node.get(key);
    if (value == null) {
      return null;
    }
    try {
      T decoded = decoder.apply(value);
      consumed.add(key);
      return decoded;
    } catch (JsonShapeException misfit) {
      return null;
    }
  }

  /** Returns the properties not consumed, in document order. */
  public Map<String, JsonNode> others() {
    if (consumed.size() == node.size()) {
      return Collections.emptyMap();
    }
    Map<String, JsonNode> rest = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (!consumed.contains(e.getKey())) {
        rest.put(e.getKey(), e.getValue().deepCopy()); // never alias the input tree
      }
    }
    return rest;
  }
}
