package dev.ocikit.generator;

/**
 * A Java type the generator maps a schema to, with the source text that decodes it from and encodes
 * it to a Jackson tree through the support class {@code Binder} of spec-model.
 */
sealed interface JType {
  String B = "dev.ocikit.spec.model.internal.Binder";

  /** The Java type as source text. */
  String source();

  /** A {@code Function<JsonNode, T>} expression. */
  String decoder();

  /** A {@code Function<T, JsonNode>} expression. */
  String encoder();

  /** Scalars and raw JSON, decoded and encoded by a pair of Binder methods. */
  record Scalar(String source, String binderName) implements JType {
    static final Scalar STRING = new Scalar("String", "string");
    static final Scalar BOOLEAN = new Scalar("Boolean", "bool");
    static final Scalar INTEGER = new Scalar("Integer", "int32");
    static final Scalar LONG = new Scalar("Long", "int64");
    static final Scalar BIG_INTEGER = new Scalar("java.math.BigInteger", "bigInteger");
    static final Scalar DECIMAL = new Scalar("java.math.BigDecimal", "decimal");
    static final Scalar JSON = new Scalar("tools.jackson.databind.JsonNode", "json");

    /** Shared functions, not a method reference per field: each reference is linked apart. */
    @Override
    public String decoder() {
      return B + ".Decoders." + constant();
    }

    @Override
    public String encoder() {
      return B + ".Encoders." + constant();
    }

    private String constant() {
      return binderName.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** A generated record or open enum, named in the same package. */
  record Named(String name, boolean isEnum) implements JType {
    @Override
    public String source() {
      return name;
    }

    @Override
    public String decoder() {
      return isEnum ? B + ".enumOf(" + name + "::of)" : name + "::fromJson";
    }

    @Override
    public String encoder() {
      return isEnum ? B + ".enumNode(" + name + "::value)" : name + "::toJson";
    }
  }

  /** {@code List<T>}. */
  record ListOf(JType element) implements JType {
    @Override
    public String source() {
      return "java.util.List<" + element.source() + ">";
    }

    @Override
    public String decoder() {
      return B + ".listOf(" + element.decoder() + ")";
    }

    @Override
    public String encoder() {
      return B + ".arrayOf(" + element.encoder() + ")";
    }
  }

  /** {@code Map<String, T>}, insertion-ordered. */
  record MapOf(JType value) implements JType {
    @Override
    public String source() {
      return "java.util.Map<String, " + value.source() + ">";
    }

    @Override
    public String decoder() {
      return B + ".mapOf(" + value.decoder() + ")";
    }

    @Override
    public String encoder() {
      return B + ".objectOf(" + value.encoder() + ")";
    }
  }

  /** A value where JSON {@code null} has a meaning of its own (absent is Java null). */
  record NullableOf(JType inner) implements JType {
    @Override
    public String source() {
      return "dev.ocikit.spec.model.Nullable<" + inner.source() + ">";
    }

    @Override
    public String decoder() {
      return B + ".nullableOf(" + inner.decoder() + ")";
    }

    @Override
    public String encoder() {
      return B + ".nullableNodeOf(" + inner.encoder() + ")";
    }
  }
}
