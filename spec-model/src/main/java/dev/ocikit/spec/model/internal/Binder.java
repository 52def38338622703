package dev.ocikit.spec.model.internal;

import dev.ocikit.spec.model.JsonShapeException;
import dev.ocikit.spec.model.Nullable;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decoders ({@code JsonNode → T}, throwing {@link JsonShapeException} on a misfit) and encoders
 * ({@code T → JsonNode}) used by generated records. Decoders are exact: an integer field never
 * accepts {@code 1.5} or a value that overflows its Java type.
 */
public final class Binder {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private Binder() {}

  /**
   * The scalar decoders as shared functions: generated code names these instead of writing a method
   * reference at every field, each of which the JVM links on first use (a measurable part of a cold
   * command line run). Encoders are apart, so reading never links them.
   */
  public static final class Decoders {
    public static final Function<JsonNode, String> STRING = Binder::string;
    public static final Function<JsonNode, Boolean> BOOL = Binder::bool;
    public static final Function<JsonNode, Integer> INT32 = Binder::int32;
    public static final Function<JsonNode, Long> INT64 = Binder::int64;
    public static final Function<JsonNode, BigInteger> BIG_INTEGER = Binder::bigInteger;
    public static final Function<JsonNode, BigDecimal> DECIMAL = Binder::decimal;
    public static final Function<JsonNode, JsonNode> JSON = Binder::json;

    private Decoders() {}
  }

  /** The scalar encoders as shared functions (see {@link Decoders}). */
  public static final class Encoders {
    public static final Function<String, JsonNode> STRING = Binder::stringNode;
    public static final Function<Boolean, JsonNode> BOOL = Binder::boolNode;
    public static final Function<Integer, JsonNode> INT32 = Binder::int32Node;
    public static final Function<Long, JsonNode> INT64 = Binder::int64Node;
    public static final Function<BigInteger, JsonNode> BIG_INTEGER = Binder::bigIntegerNode;
    public static final Function<BigDecimal, JsonNode> DECIMAL = Binder::decimalNode;
    public static final Function<JsonNode, JsonNode> JSON = Binder::jsonNode;

    private Encoders() {}
  }

  public static String string(JsonNode n) {
    if (!n.isString()) {
      throw misfit("a string", n);
    }
    return n.asString();
  }

  public static Boolean bool(JsonNode n) {
    if (!n.isBoolean()) {
      throw misfit("a boolean", n);
    }
    return n.booleanValue();
  }

  public static Integer int32(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw misfit("a 32-bit integer", n);
    }
    return n.intValue();
  }

  public static Long int64(JsonNode n) {
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw misfit("a 64-bit integer", n);
    }
    return n.longValue();
  }

  public static BigInteger bigInteger(JsonNode n) {
    if (!n.isIntegralNumber()) {
      throw misfit("an integer", n);
    }
    return n.bigIntegerValue();
  }

  public static BigDecimal decimal(JsonNode n) {
    if (!n.isNumber()) {
      throw misfit("a number", n);
    }
    return n.decimalValue();
  }

  public static JsonNode json(JsonNode n) {
    return n.deepCopy();
  }

  public static <T> Function<JsonNode, T> enumOf(Function<String, T> of) {
    return n -> of.apply(string(n));
  }

  public static <T> Function<JsonNode, List<T>> listOf(Function<JsonNode, T> element) {
    return n -> {
      if (!n.isArray()) {
        throw misfit("an array", n);
      }
      List<T> out = new ArrayList<>(n.size());
      for (JsonNode item : n) {
        out.add(element.apply(item));
      }
      return out;
    };
  }

  public static <T> Function<JsonNode, Map<String, T>> mapOf(Function<JsonNode, T> value) {
    return n -> {
      if (!n.isObject()) {
        throw misfit("an object", n);
      }
      Map<String, T> out = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        out.put(e.getKey(), value.apply(e.getValue()));
      }
      return out;
    };
  }

  public static <T> Function<JsonNode, Nullable<T>> nullableOf(Function<JsonNode, T> inner) {
    return n -> n.isNull() ? Nullable.ofNull() : Nullable.of(inner.apply(n));
  }

  public static JsonNode stringNode(String v) {
    return F.stringNode(v);
  }

  public static JsonNode boolNode(Boolean v) {
    return F.booleanNode(v);
  }

  public static JsonNode int32Node(Integer v) {
    return F.numberNode(v);
  }

  public static JsonNode int64Node(Long v) {
    return F.numberNode(v);
  }

  public static JsonNode bigIntegerNode(BigInteger v) {
    return F.numberNode(v);
  }

  public static JsonNode decimalNode(BigDecimal v) {
    return F.numberNode(v);
  }

  public static JsonNode jsonNode(JsonNode v) {
    return v.deepCopy();
  }

  public static <T> Function<T, JsonNode> enumNode(Function<T, String> value) {
    return v -> F.stringNode(value.apply(v));
  }

  public static <T> Function<List<T>, JsonNode> arrayOf(
      Function<? super T, ? extends JsonNode> element) {
    return list -> {
      ArrayNode a = F.arrayNode(list.size());
      for (T item : list) {
        a.add(element.apply(item));
      }
      return a;
    };
  }

  public static <T> Function<Map<String, T>, JsonNode> objectOf(
      Function<? super T, ? extends JsonNode> value) {
    return map -> {
      ObjectNode o = F.objectNode();
      map.forEach((k, v) -> o.set(k, value.apply(v)));
      return o;
    };
  }

  public static <T> Function<Nullable<T>, JsonNode> nullableNodeOf(
      Function<? super T, ? extends JsonNode> inner) {
    return v -> v.isNull() ? F.nullNode() : inner.apply(v.value());
  }

  /** Immutable copy of a list component (absent stays null). */
  public static <T> List<T> copy(List<T> list) {
    return list == null ? null : Collections.unmodifiableList(new ArrayList<>(list));
  }

  /** Immutable, order-keeping copy of a map component (absent stays null). */
  public static <T> Map<String, T> copy(Map<String, T> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A nullable list or map with an immutable copy of its collection (absent stays null). */
  @SuppressWarnings("unchecked")
  public static <T> Nullable<T> copyNullable(Nullable<T> v) {
    if (v == null || v.isNull()) {
      return v;
    }
    if (v.value() instanceof List<?> list) {
      return (Nullable<T>) Nullable.of(copy(list));
    }
    if (v.value() instanceof Map<?, ?> map) {
      return (Nullable<T>) Nullable.of(copy((Map<String, ?>) map));
    }
    return v;
  }

  /** Immutable copy of the unmodelled properties; never null. */
  public static Map<String, JsonNode> copyOthers(Map<String, JsonNode> others) {
    return others == null || others.isEmpty() ? Collections.emptyMap() : copy(others);
  }

  static String describe(JsonNode n) {
    return n == null ? "nothing" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
  }

  private static JsonShapeException misfit(String expected, JsonNode n) {
    return new JsonShapeException("expected " + expected + " but got " + describe(n));
  }
}
