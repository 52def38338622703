package dev.ocikit.validate.schema;

import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.StrictJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The JSON Schema keywords our schemas use that can fail a document: each is a rule {@code
 * schema.<keyword>} a report can show. Read from the schema files themselves (every document's
 * schema and the files its {@code $ref}s reach), so the list never drifts from them.
 */
public final class SchemaKeywords {
  /** Keywords of draft 2020-12 that assert something about an instance. */
  private static final Set<String> ASSERTING =
      Set.of(
          "type",
          "enum",
          "const",
          "pattern",
          "minimum",
          "maximum",
          "exclusiveMinimum",
          "exclusiveMaximum",
          "multipleOf",
          "minLength",
          "maxLength",
          "minItems",
          "maxItems",
          "uniqueItems",
          "contains",
          "minProperties",
          "maxProperties",
          "required",
          "dependentRequired",
          "additionalProperties",
          "propertyNames",
          "anyOf",
          "oneOf",
          "allOf",
          "not",
          "then",
          "else",
          "unevaluatedProperties",
          "unevaluatedItems",
          "items");

  private static final Set<String> MAPS =
      Set.of("properties", "patternProperties", "$defs", "dependentSchemas");

  private static final class Holder {
    static final List<String> USED = List.copyOf(scan());
  }

  private SchemaKeywords() {}

  /** {@return the asserting keywords used anywhere in our schemas, sorted} */
  public static List<String> used() {
    return Holder.USED;
  }

  /** {@return every schema file reachable from the documents' schemas, {@code <folder>/<file>}} */
  public static Set<String> files() {
    Set<String> files = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (DocumentType t : DocumentType.values()) {
      todo.add(t.schemaResource().substring("schemas/".length()));
    }
    while (!todo.isEmpty()) {
      String file = todo.pop();
      if (files.add(file)) {
        refs(file, load(file), todo);
      }
    }
    return files;
  }

  /** {@return the schema file {@code <folder>/<file>} as a tree} */
  public static JsonNode load(String file) {
    try (InputStream in =
        SchemaKeywords.class.getClassLoader().getResourceAsStream("schemas/" + file)) {
      if (in == null) {
        throw new IllegalStateException("schema " + file + " is not on the classpath");
      }
      return StrictJson.reader().read(in.readAllBytes(), file).root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<String> scan() {
    Set<String> used = new TreeSet<>();
    for (String file : files()) {
      collect(load(file), used);
    }
    return used;
  }

  /**
   * Collects from a schema; the members of a name-to-schema map are property names, not keywords.
   */
  private static void collect(JsonNode node, Set<String> used) {
    if (node.isObject()) {
      for (String name : node.propertyNames()) {
        if (ASSERTING.contains(name)) {
          used.add(name);
        }
        if (MAPS.contains(name)) {
          node.get(name).forEach(schema -> collect(schema, used));
        } else {
          collect(node.get(name), used);
        }
      }
    } else if (node.isArray()) {
      node.forEach(n -> collect(n, used));
    }
  }

  private static void refs(String file, JsonNode node, Deque<String> todo) {
    if (node.isObject()) {
      JsonNode ref = node.get("$ref");
      if (ref != null && ref.isString()) {
        String target = ref.asString();
        int hash = target.indexOf('#');
        String path = hash < 0 ? target : target.substring(0, hash);
        if (!path.isEmpty()) {
          todo.add(file.substring(0, file.lastIndexOf('/') + 1) + path);
        }
      }
      for (String name : node.propertyNames()) {
        refs(file, node.get(name), todo);
      }
    } else if (node.isArray()) {
      node.forEach(n -> refs(file, n, todo));
    }
  }
}
