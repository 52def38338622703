package dev.ocikit.spec.model;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** What every generated object type can do: write itself and keep what it does not model. */
public interface ModelObject {
  /**
   * Writes this value as a new JSON object.
   *
   * @return a new object node; changing it does not change this value
   */
  ObjectNode toJson();

  /**
   * Properties this type does not model, or whose values did not fit the declared type, in document
   * order; never null.
   *
   * @return the unmodelled properties by name
   */
  Map<String, JsonNode> otherProperties();
}
