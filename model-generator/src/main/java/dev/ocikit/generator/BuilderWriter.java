package dev.ocikit.generator;

import dev.ocikit.generator.TypeSpecs.Field;
import java.util.List;

/** Emits the nested mutable {@code Builder} of a generated record. */
final class BuilderWriter {
  private BuilderWriter() {}

  static void write(StringBuilder s, String n, List<Field> fields) {
    s.append("  /** Mutable builder of {@link ").append(n).append("}. */\n");
    s.append("  public static final class Builder {\n");
    for (Field f : fields) {
      s.append("    private ")
          .append(f.type().source())
          .append(' ')
          .append(f.javaName())
          .append(";\n");
    }
    s.append(
        "    private java.util.Map<String, tools.jackson.databind.JsonNode> otherProperties;\n\n");
    s.append("    private Builder() {}\n\n");
    s.append("    private Builder(").append(n).append(" from) {\n");
    for (Field f : fields) {
      s.append("      this.")
          .append(f.javaName())
          .append(" = from.")
          .append(f.javaName())
          .append("();\n");
    }
    s.append("      this.otherProperties = from.otherProperties();\n    }\n\n");
    for (Field f : fields) {
      s.append("    /**\n     * Sets {@code ")
          .append(Names.doc(f.jsonName()))
          .append("}.\n     *\n     * @param ")
          .append(f.javaName())
          .append(" the value; {@code null} leaves it out\n     * @return this builder\n     */\n");
      s.append("    public Builder ")
          .append(f.javaName())
          .append('(')
          .append(f.type().source())
          .append(' ')
          .append(f.javaName())
          .append(") {\n");
      s.append("      this.")
          .append(f.javaName())
          .append(" = ")
          .append(f.javaName())
          .append(";\n      return this;\n    }\n\n");
    }
    s.append(
        "    /**\n     * Sets the unmodelled properties.\n     *\n"
            + "     * @param otherProperties the properties the type does not model\n"
            + "     * @return this builder\n     */\n");
    s.append("    public Builder otherProperties(")
        .append("java.util.Map<String, tools.jackson.databind.JsonNode> otherProperties) {\n");
    s.append("      this.otherProperties = otherProperties;\n      return this;\n    }\n\n");
    s.append("    /** {@return the immutable value} */\n");
    s.append("    public ").append(n).append(" build() {\n      return new ").append(n).append('(');
    for (Field f : fields) {
      s.append(f.javaName()).append(", ");
    }
    s.append("otherProperties);\n    }\n  }\n");
  }
}
