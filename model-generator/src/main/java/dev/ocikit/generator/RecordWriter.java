package dev.ocikit.generator;

import dev.ocikit.generator.TypeSpecs.Field;
import dev.ocikit.generator.TypeSpecs.RecordSpec;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Emits one immutable record per object type: components in schema order plus {@code
 * otherProperties}, {@code with…} copies, a builder, and tree decoding/encoding.
 */
final class RecordWriter {
  private RecordWriter() {}

  static String write(String pkg, RecordSpec spec) {
    List<Field> fields = spec.fields();
    String n = spec.name();
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("/**\n * ").append(Names.doc(orElse(spec.description(), n + "."))).append("\n *\n");
    if (spec.specUrl() != null) {
      s.append(" * <p>Specification: <a href=\"")
          .append(spec.specUrl())
          .append("\">")
          .append(spec.specUrl())
          .append("</a>\n *\n");
    }
    s.append(" * <p>Generated from ").append(Names.doc(spec.origin())).append('\n');
    for (Field f : fields) {
      s.append(" * @param ").append(f.javaName()).append(' ');
      s.append(Names.doc(orElse(f.description(), "JSON property {@code " + f.jsonName() + "}.")));
      s.append(" (JSON {@code ").append(Names.doc(f.jsonName())).append("}");
      if (f.required()) {
        s.append(", required");
      }
      if (f.since() != null) {
        s.append(", since ").append(f.since());
      }
      s.append(")\n");
    }
    s.append(
            " * @param otherProperties properties this type does not model, or whose values do not")
        .append(" fit the declared type; kept so that nothing is lost on a round trip\n */\n");
    s.append("@javax.annotation.processing.Generated(\"dev.ocikit.generator.ModelGenerator\")\n");
    s.append("public record ").append(n).append("(\n");
    for (Field f : fields) {
      s.append("    ").append(f.type().source()).append(' ').append(f.javaName()).append(",\n");
    }
    s.append("    java.util.Map<String, tools.jackson.databind.JsonNode> otherProperties)\n");
    s.append("    implements dev.ocikit.spec.model.ModelObject {\n\n");
    writeCompactConstructor(s, n, fields);
    writeFactories(s, n, fields);
    writeWithers(s, n, fields);
    writeJson(s, n, fields);
    BuilderWriter.write(s, n, fields);
    s.append("}\n");
    return s.toString();
  }

  private static void writeCompactConstructor(StringBuilder s, String n, List<Field> fields) {
    s.append("  /**\n   * Copies collections so the record stays immutable.\n   *\n");
    for (Field f : fields) {
      s.append("   * @param ")
          .append(f.javaName())
          .append(" the JSON {@code ")
          .append(Names.doc(f.jsonName()))
          .append("} property, or {@code null} when absent\n");
    }
    s.append("   * @param otherProperties the properties this type does not model\n   */\n");
    s.append("  public ").append(n).append(" {\n");
    for (Field f : fields) {
      if (f.type() instanceof JType.NullableOf nullable
          && (nullable.inner() instanceof JType.ListOf
              || nullable.inner() instanceof JType.MapOf)) {
        s.append("    ")
            .append(f.javaName())
            .append(" = ")
            .append(JType.B)
            .append(".copyNullable(")
            .append(f.javaName())
            .append(");\n");
      } else if (f.type() instanceof JType.ListOf || f.type() instanceof JType.MapOf) {
        s.append("    ")
            .append(f.javaName())
            .append(" = ")
            .append(JType.B)
            .append(".copy(")
            .append(f.javaName())
            .append(");\n");
      }
    }
    s.append("    otherProperties = ")
        .append(JType.B)
        .append(".copyOthers(otherProperties);\n  }\n\n");
  }

  private static void writeFactories(StringBuilder s, String n, List<Field> fields) {
    s.append("  /** {@return a new, empty builder} */\n");
    s.append("  public static Builder builder() {\n    return new Builder();\n  }\n\n");
    s.append("  /** {@return a builder that starts from this value} */\n");
    s.append("  public Builder toBuilder() {\n    return new Builder(this);\n  }\n\n");
  }

  private static void writeWithers(StringBuilder s, String n, List<Field> fields) {
    String all =
        fields.stream().map(Field::javaName).collect(Collectors.joining(", "))
            + (fields.isEmpty() ? "" : ", ")
            + "otherProperties";
    for (Field f : fields) {
      String cap = Character.toUpperCase(f.javaName().charAt(0)) + f.javaName().substring(1);
      s.append("  /**\n   * Returns a copy with {@code ")
          .append(Names.doc(f.jsonName()))
          .append("} replaced.\n   *\n   * @param ")
          .append(f.javaName())
          .append(" the new value; {@code null} removes it\n   * @return the copy\n   */\n");
      s.append("  public ")
          .append(n)
          .append(" with")
          .append(cap)
          .append('(')
          .append(f.type().source())
          .append(' ')
          .append(f.javaName())
          .append(") {\n");
      s.append("    return new ").append(n).append('(').append(all).append(");\n  }\n\n");
    }
    s.append(
        "  /**\n   * Returns a copy with the given unmodelled properties.\n   *\n"
            + "   * @param otherProperties the properties this type does not model\n"
            + "   * @return the copy\n   */\n");
    s.append("  public ")
        .append(n)
        .append(" withOtherProperties(")
        .append("java.util.Map<String, tools.jackson.databind.JsonNode> otherProperties) {\n");
    s.append("    return new ").append(n).append('(').append(all).append(");\n  }\n\n");
  }

  private static void writeJson(StringBuilder s, String n, List<Field> fields) {
    s.append(
            "  /**\n   * Reads a JSON object leniently: a property whose value does not fit its type is")
        .append(" kept\n   * in {@link #otherProperties()} instead of failing.\n   *\n")
        .append("   * @param node a JSON object\n   * @return the value it holds\n")
        .append(
            "   * @throws dev.ocikit.spec.model.JsonShapeException if {@code node} is not an object\n")
        .append("   */\n");
    s.append("  public static ")
        .append(n)
        .append(" fromJson(tools.jackson.databind.JsonNode node) {\n");
    s.append("    dev.ocikit.spec.model.internal.FieldReader r =\n")
        .append("        dev.ocikit.spec.model.internal.FieldReader.of(node, ")
        .append(Names.literal(n))
        .append(");\n");
    s.append("    return new ").append(n).append("(\n");
    for (Field f : fields) {
      s.append("        r.get(")
          .append(Names.literal(f.jsonName()))
          .append(", ")
          .append(f.type().decoder())
          .append("),\n");
    }
    s.append("        r.others());\n  }\n\n");
    s.append(
        "  /** {@return this value as a JSON object, known properties first in schema order} */\n");
    s.append("  @Override\n  public tools.jackson.databind.node.ObjectNode toJson() {\n");
    s.append("    return new dev.ocikit.spec.model.internal.FieldWriter()\n");
    for (Field f : fields) {
      s.append("        .put(")
          .append(Names.literal(f.jsonName()))
          .append(", ")
          .append(f.javaName())
          .append(", ")
          .append(f.type().encoder())
          .append(")\n");
    }
    s.append("        .finish(otherProperties);\n  }\n\n");
  }

  static String orElse(String s, String fallback) {
    return s == null || s.isBlank() ? fallback : s;
  }
}
