package dev.ocikit.spec.model.internal;

import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Writes a generated record as a JSON object: known properties, then the others. */
public final class FieldWriter {
  private final ObjectNode node = JsonNodeFactory.instance.objectNode();

  /** Writes {@code value} under {@code key} unless it is null (absent). */
  public <T> FieldWriter put(String key, T value, Function<? super T, ? extends JsonNode> encoder) {
    if (value != null) {
      node.set(key, encoder.apply(value));
    }
    return this;
  }

  /** Appends the unmodelled properties and returns the object. */
  public ObjectNode finish(Map<String, JsonNode> others) {
    for (Map.Entry<String, JsonNode> e : others.entrySet()) {
      node.set(e.getKey(), e.getValue().deepCopy());
    }
    return node;
  }
}
