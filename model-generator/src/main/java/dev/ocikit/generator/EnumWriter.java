package dev.ocikit.generator;

import dev.ocikit.generator.TypeSpecs.EnumSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Emits an open enum: a final class with one constant per known value whose {@code of} keeps
 * unknown values, so a document using a value newer than this model still round-trips.
 */
final class EnumWriter {
  private EnumWriter() {}

  static String write(String pkg, EnumSpec spec) {
    String n = spec.name();
    Map<String, String> constants = new LinkedHashMap<>();
    for (String v : spec.values()) {
      String c = Names.constant(v);
      while (constants.containsKey(c)) {
        c = c + "_";
      }
      constants.put(c, v);
    }
    StringBuilder s = new StringBuilder();
    s.append("package ").append(pkg).append(";\n\n");
    s.append("/**\n * ")
        .append(Names.doc(RecordWriter.orElse(spec.description(), n + ".")))
        .append(
            "\n *\n * <p>Open: {@link #of(String)} accepts any string; {@link #isKnown()} tells")
        .append(" whether it is one the specification lists.\n *\n * <p>Generated from ")
        .append(Names.doc(spec.origin()))
        .append("\n */\n");
    s.append("@javax.annotation.processing.Generated(\"dev.ocikit.generator.ModelGenerator\")\n");
    s.append("public final class ").append(n).append(" {\n");
    for (Map.Entry<String, String> e : constants.entrySet()) {
      s.append("  /** {@code ").append(Names.doc(e.getValue())).append("}. */\n");
      s.append("  public static final ")
          .append(n)
          .append(' ')
          .append(e.getKey())
          .append(" = new ")
          .append(n)
          .append('(')
          .append(Names.literal(e.getValue()))
          .append(", true);\n");
    }
    // Lower-case on purpose: constants are upper-case, so no enum value can clash with it.
    s.append("\n  private static final java.util.Map<String, ")
        .append(n)
        .append("> byValue = new java.util.LinkedHashMap<>();\n\n  static {\n");
    for (String c : constants.keySet()) {
      s.append("    byValue.put(").append(c).append(".value, ").append(c).append(");\n");
    }
    s.append("  }\n\n");
    s.append("  private final String value;\n  private final boolean known;\n\n");
    s.append("  private ")
        .append(n)
        .append("(String value, boolean known) {\n")
        .append("    this.value = value;\n    this.known = known;\n  }\n\n");
    s.append(
        "  /**\n   * Returns the constant for {@code value}, or a new unknown value.\n   *\n"
            + "   * @param value the JSON string\n   * @return the value\n   */\n");
    s.append("  public static ")
        .append(n)
        .append(" of(String value) {\n")
        .append("    java.util.Objects.requireNonNull(value, \"value\");\n")
        .append("    ")
        .append(n)
        .append(" k = byValue.get(value);\n")
        .append("    return k != null ? k : new ")
        .append(n)
        .append("(value, false);\n  }\n\n");
    s.append("  /** {@return every value the specification lists, in its order} */\n");
    s.append("  public static java.util.List<")
        .append(n)
        .append("> knownValues() {\n")
        .append("    return java.util.List.copyOf(byValue.values());\n  }\n\n");
    s.append(
        "  /** {@return the JSON string} */\n  public String value() {\n    return value;\n  }\n\n");
    s.append("  /** {@return whether the specification lists this value} */\n")
        .append("  public boolean isKnown() {\n    return known;\n  }\n\n");
    s.append("  @Override\n  public boolean equals(Object o) {\n")
        .append("    return o instanceof ")
        .append(n)
        .append(" other && other.value.equals(value);\n")
        .append("  }\n\n");
    s.append("  @Override\n  public int hashCode() {\n    return value.hashCode();\n  }\n\n");
    s.append("  @Override\n  public String toString() {\n    return value;\n  }\n}\n");
    return s.toString();
  }
}
