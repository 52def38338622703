package dev.ocikit.generator;

import dev.ocikit.generator.SchemaSet.Location;
import dev.ocikit.generator.TypeSpecs.EnumSpec;
import dev.ocikit.generator.TypeSpecs.Field;
import dev.ocikit.generator.TypeSpecs.RecordSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Maps schema nodes to Java types (see schemas/README.md for the conventions) and collects the
 * records and enums to generate.
 */
final class TypeResolver {
  private static final BigInteger INT_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
  private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

  private final SchemaSet schemas;
  private final Map<String, JType> byLocation = new HashMap<>();
  private final Map<String, String> originByName = new HashMap<>();
  private final List<RecordSpec> records = new ArrayList<>();
  private final List<EnumSpec> enums = new ArrayList<>();

  TypeResolver(SchemaSet schemas) {
    this.schemas = schemas;
  }

  List<RecordSpec> records() {
    return records;
  }

  List<EnumSpec> enums() {
    return enums;
  }

  /** Resolves the root of a document file; it must be an object with a title. */
  void resolveDocument(String file, JsonNode root) {
    if (!root.has("title")) {
      return; // a file of shared $defs only; its types come in through references
    }
    resolveAt(new Location(file, "", root), root.get("title").asString());
  }

  /** Resolves every named definition, so unreferenced ones are generated too. */
  void resolveDefinitions(String file, JsonNode root) {
    JsonNode defs = root.get("$defs");
    if (defs == null) {
      return;
    }
    for (String name : defs.propertyNames()) {
      resolveAt(new Location(file, "/$defs/" + name, defs.get(name)), name);
    }
  }

  private JType resolveAt(Location at, String name) {
    JType known = byLocation.get(at.key());
    if (known != null) {
      return known;
    }
    JType type = resolve(at.node(), at.file(), at.pointer(), name);
    byLocation.put(at.key(), type);
    return type;
  }

  /** Maps one schema node; {@code name} is used if it becomes a record or enum. */
  JType resolve(JsonNode node, String file, String pointer, String name) {
    String where = file + "#" + pointer;
    if (node.isBoolean()) {
      return JType.Scalar.JSON;
    }
    if (node.has("$ref")) {
      Location target = schemas.resolve(file, node.get("$ref").asString());
      String targetName = target.defName();
      if (targetName == null && target.pointer().isEmpty() && target.node().has("title")) {
        targetName = target.node().get("title").asString();
      }
      return resolveAt(target, targetName != null ? targetName : name);
    }
    List<JsonNode> branches = new ArrayList<>();
    for (String key : List.of("anyOf", "oneOf")) {
      if (node.has(key)) {
        node.get(key).forEach(branches::add);
      }
    }
    if (!branches.isEmpty()) {
      return resolveUnion(node, branches, file, pointer, name);
    }
    Set<String> types = typesOf(node);
    if (types.remove("null")) {
      if (types.isEmpty()) {
        return JType.Scalar.JSON;
      }
      return new JType.NullableOf(resolveTyped(node, types, file, pointer, name, where));
    }
    return resolveTyped(node, types, file, pointer, name, where);
  }

  private JType resolveUnion(
      JsonNode node, List<JsonNode> branches, String file, String pointer, String name) {
    boolean nullable = false;
    List<JsonNode> rest = new ArrayList<>();
    for (JsonNode b : branches) {
      if (typesOf(b).equals(Set.of("null"))) {
        nullable = true;
      } else {
        rest.add(b);
      }
    }
    JType inner;
    if (rest.size() == 1) {
      inner = resolve(rest.get(0), file, pointer + "/anyOf/0", name);
    } else if (!rest.isEmpty() && rest.stream().allMatch(b -> isObjectWithProperties(b, file))) {
      Map<String, JsonNode> merged = new LinkedHashMap<>();
      Set<String> required = new LinkedHashSet<>();
      for (JsonNode b : rest) {
        JsonNode target =
            b.has("$ref") ? schemas.resolve(file, b.get("$ref").asString()).node() : b;
        target
            .get("properties")
            .properties()
            .forEach(e -> merged.putIfAbsent(e.getKey(), e.getValue()));
      }
      inner = record(node, merged, required, file, pointer, name);
    } else {
      inner = JType.Scalar.JSON;
    }
    return nullable && !(inner instanceof JType.NullableOf) ? new JType.NullableOf(inner) : inner;
  }

  private boolean isObjectWithProperties(JsonNode b, String file) {
    JsonNode target = b.has("$ref") ? schemas.resolve(file, b.get("$ref").asString()).node() : b;
    return target.has("properties");
  }

  private JType resolveTyped(
      JsonNode node, Set<String> types, String file, String pointer, String name, String where) {
    if (types.isEmpty()) {
      if (node.has("properties")) {
        types = Set.of("object");
      } else if (node.has("enum") || node.has("const")) {
        types = Set.of("string");
      } else {
        return JType.Scalar.JSON;
      }
    }
    if (types.size() > 1) {
      return JType.Scalar.JSON;
    }
    switch (types.iterator().next()) {
      case "string":
        return node.has("enum") || node.has("x-known-values")
            ? enumType(node, where, name)
            : JType.Scalar.STRING;
      case "boolean":
        return JType.Scalar.BOOLEAN;
      case "number":
        return JType.Scalar.DECIMAL;
      case "integer":
        return integerType(node);
      case "array":
        JsonNode items = node.get("items");
        return new JType.ListOf(
            items == null ? JType.Scalar.JSON : resolve(items, file, pointer + "/items", name));
      case "object":
        return objectType(node, file, pointer, name);
      default:
        throw new GeneratorException(where + ": unsupported type " + types);
    }
  }

  private JType objectType(JsonNode node, String file, String pointer, String name) {
    if (node.has("properties")) {
      Map<String, JsonNode> props = new LinkedHashMap<>();
      node.get("properties").properties().forEach(e -> props.put(e.getKey(), e.getValue()));
      Set<String> required = new LinkedHashSet<>();
      if (node.has("required")) {
        node.get("required").forEach(r -> required.add(r.asString()));
      }
      return record(node, props, required, file, pointer, name);
    }
    JsonNode additional = node.get("additionalProperties");
    if (additional != null && additional.isObject()) {
      return new JType.MapOf(resolve(additional, file, pointer + "/additionalProperties", name));
    }
    JsonNode patterns = node.get("patternProperties");
    if (patterns != null && patterns.size() == 1) {
      String key = patterns.propertyNames().iterator().next();
      return new JType.MapOf(
          resolve(patterns.get(key), file, pointer + "/patternProperties", name));
    }
    return JType.Scalar.JSON;
  }

  private JType record(
      JsonNode node,
      Map<String, JsonNode> props,
      Set<String> required,
      String file,
      String pointer,
      String name) {
    String typeName = claimName(name, file + "#" + pointer);
    JType.Named self = new JType.Named(typeName, false);
    byLocation.put(file + "#" + pointer, self); // before the fields: allows self-reference
    List<Field> fields = new ArrayList<>();
    Set<String> javaNames = new LinkedHashSet<>();
    for (Map.Entry<String, JsonNode> e : props.entrySet()) {
      JsonNode schema = e.getValue();
      String javaName =
          schema.has("x-java-name")
              ? schema.get("x-java-name").asString()
              : Names.camel(e.getKey());
      if (javaName.isEmpty()) {
        throw new GeneratorException(
            file + "#" + pointer + "/properties/" + e.getKey() + ": add \"x-java-name\"");
      }
      if (Names.isReserved(javaName)) {
        javaName = javaName + "Value"; // "class" → classValue, unless x-java-name says better
      }
      if (!javaNames.add(javaName)) {
        throw new GeneratorException(file + "#" + pointer + ": two properties map to " + javaName);
      }
      String inlineName =
          schema.has("title")
              ? schema.get("title").asString()
              : typeName + Names.pascal(e.getKey());
      JType type = resolve(schema, file, pointer + "/properties/" + e.getKey(), inlineName);
      fields.add(
          new Field(
              e.getKey(),
              javaName,
              type,
              text(schema, "description"),
              required.contains(e.getKey()),
              text(schema, "x-since")));
    }
    records.add(
        new RecordSpec(
            typeName,
            text(node, "description"),
            text(node, "x-spec-url"),
            file + "#" + pointer,
            fields));
    return self;
  }

  private JType enumType(JsonNode node, String where, String name) {
    String typeName = claimName(name, where);
    List<String> values = new ArrayList<>();
    node.get(node.has("enum") ? "enum" : "x-known-values").forEach(v -> values.add(v.asString()));
    enums.add(new EnumSpec(typeName, text(node, "description"), where, values));
    return new JType.Named(typeName, true);
  }

  private static JType integerType(JsonNode node) {
    BigInteger min = node.has("minimum") ? node.get("minimum").bigIntegerValue() : null;
    BigInteger max = node.has("maximum") ? node.get("maximum").bigIntegerValue() : null;
    if (min == null || max == null) {
      return JType.Scalar.LONG;
    }
    if (min.compareTo(INT_MIN) >= 0 && max.compareTo(INT_MAX) <= 0) {
      return JType.Scalar.INTEGER;
    }
    if (min.compareTo(LONG_MIN) >= 0 && max.compareTo(LONG_MAX) <= 0) {
      return JType.Scalar.LONG;
    }
    return JType.Scalar.BIG_INTEGER;
  }

  private String claimName(String name, String origin) {
    String previous = originByName.putIfAbsent(name, origin);
    if (previous != null && !previous.equals(origin)) {
      throw new GeneratorException(
          "type name "
              + name
              + " is used by both "
              + previous
              + " and "
              + origin
              + "; rename one ($defs key or \"title\")");
    }
    return name;
  }

  private static Set<String> typesOf(JsonNode node) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode t = node.get("type");
    if (t == null) {
      return types;
    }
    if (t.isArray()) {
      t.forEach(x -> types.add(x.asString()));
    } else {
      types.add(t.asString());
    }
    return types;
  }

  private static String text(JsonNode node, String key) {
    JsonNode v = node.get(key);
    return v == null || !v.isString() ? null : v.asString();
  }
}
