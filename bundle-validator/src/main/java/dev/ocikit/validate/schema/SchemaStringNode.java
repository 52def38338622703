package dev.ocikit.validate.schema;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A string in a schema document whose {@link #toString()} writes the JSON form itself. The schema
 * library calls {@code toString()} on every {@code enum} value while it compiles (for its error
 * messages), and Jackson's own implementation first builds a complete shared object mapper: about a
 * third of compiling the runtime config schema in a cold command line run. Equal to any {@link
 * StringNode} with the same value, so enum matching is unchanged.
 */
final class SchemaStringNode extends StringNode {
  private static final long serialVersionUID = 1L;

  SchemaStringNode(String value) {
    super(value);
  }

  /** Replaces, in place, every string value below {@code node} with a {@code SchemaStringNode}. */
  static void replaceStrings(JsonNode node) {
    if (node instanceof ObjectNode o) {
      for (var e : o.properties()) {
        JsonNode v = e.getValue();
        if (v.isString()) {
          e.setValue(new SchemaStringNode(v.asString()));
        } else {
          replaceStrings(v);
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        if (v.isString()) {
          a.set(i, new SchemaStringNode(v.asString()));
        } else {
          replaceStrings(v);
        }
      }
    }
  }

  /** The value as a JSON string literal, escaped as Jackson writes it by default. */
  @Override
  public String toString() {
    String s = _value;
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04X", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
