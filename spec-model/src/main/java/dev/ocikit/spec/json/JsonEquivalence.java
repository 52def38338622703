package dev.ocikit.spec.json;

import java.util.Iterator;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * JSON value equality as RFC 8259 readers see it: member order does not matter and numbers are
 * compared by value ({@code 1}, {@code 1.0} and {@code 1e0} are equal), nothing else is loosened.
 */
public final class JsonEquivalence {
  private JsonEquivalence() {}

  /**
   * {@return whether {@code a} and {@code b} are the same JSON value}
   *
   * @param a one value
   * @param b the other value
   */
  public static boolean equivalent(JsonNode a, JsonNode b) {
    return firstDifference(a, b, "") == null;
  }

  /**
   * {@return the JSON pointer of the first difference, or null when equivalent}
   *
   * @param a one value
   * @param b the other value
   * @param pointer the pointer of {@code a} and {@code b} in their documents
   */
  public static String firstDifference(JsonNode a, JsonNode b, String pointer) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0 ? null : pointer;
    }
    if (a.getNodeType() != b.getNodeType()) {
      return pointer;
    }
    if (a.isObject()) {
      if (a.size() != b.size()) {
        return pointer;
      }
      for (Map.Entry<String, JsonNode> e : a.properties()) {
        JsonNode other = b.get(e.getKey());
        String child = JsonPointers.child(pointer, e.getKey());
        if (other == null) {
          return child;
        }
        String diff = firstDifference(e.getValue(), other, child);
        if (diff != null) {
          return diff;
        }
      }
      return null;
    }
    if (a.isArray()) {
      if (a.size() != b.size()) {
        return pointer;
      }
      Iterator<JsonNode> ia = a.iterator();
      Iterator<JsonNode> ib = b.iterator();
      for (int i = 0; ia.hasNext(); i++) {
        String diff = firstDifference(ia.next(), ib.next(), pointer + "/" + i);
        if (diff != null) {
          return diff;
        }
      }
      return null;
    }
    return a.equals(b) ? null : pointer;
  }
}
