package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The lenient model never loses anything: a valid document with random extra properties at random
 * object positions, and random values (mostly of the wrong type) in place of known fields, binds
 * and writes back to an equivalent tree.
 */
class RandomRoundTripProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** Valid fixtures the mutations start from: each a document type and its tree. */
  private static final List<Tuple2<DocumentType, JsonNode>> BASES =
      List.of(
          base(DocumentType.RUNTIME_CONFIG, "runtime-config/valid/linux-full.json"),
          base(DocumentType.RUNTIME_CONFIG, "runtime-config/valid/runc-spec.json"),
          base(DocumentType.RUNTIME_FEATURES, "runtime-features/valid/full-example.json"),
          base(DocumentType.IMAGE_CONFIG, "image-config/valid/full.json"),
          base(DocumentType.IMAGE_MANIFEST, "image-manifest/valid/with-subject.json"));

  /** One change: where (seeds picking an object and maybe a member), what name, what value. */
  record Mutation(int objectSeed, int memberSeed, boolean replace, String key, JsonNode value) {}

  @Property(tries = 400)
  void mutatedDocumentsRoundTripToAnEquivalentTree(
      @ForAll("bases") Tuple2<DocumentType, JsonNode> base,
      @ForAll("mutations") List<Mutation> mutations) {
    JsonNode input = apply(base.get2(), mutations);
    ModelObject model = base.get1().bind(input);
    JsonNode output = model.toJson();
    assertNull(
        JsonEquivalence.firstDifference(input, output, ""),
        () -> "differs at this pointer; input " + input + "\noutput " + output);

    // Binding what was written gives the same record again.
    assertEquals(model, base.get1().bind(output));
    // And the text a tool would write reads back to the same tree.
    JsonNode reread = read(JsonWriter.pretty(output));
    assertNull(JsonEquivalence.firstDifference(output, reread, ""));
  }

  @Property(tries = 200)
  void anyObjectBindsAsAnyDocumentTypeWithoutLoss(
      @ForAll("objects") ObjectNode input, @ForAll DocumentType type) {
    ModelObject model = type.bind(input);
    assertNull(JsonEquivalence.firstDifference(input, model.toJson(), ""), input::toString);
  }

  @Provide
  Arbitrary<Tuple2<DocumentType, JsonNode>> bases() {
    return Arbitraries.of(BASES);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one =
        Combinators.combine(
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(true, false),
                keys(),
                values())
            .as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<ObjectNode> objects() {
    return Combinators.combine(keys().list().ofMaxSize(6), values().list().ofSize(6))
        .as(
            (names, vals) -> {
              ObjectNode o = F.objectNode();
              for (int i = 0; i < names.size(); i++) {
                o.set(names.get(i), vals.get(i));
              }
              return o;
            });
  }

  /** Member names: known ones (so known fields get wrong values) and arbitrary ones. */
  private static Arbitrary<String> keys() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            3,
            Arbitraries.of(
                "ociVersion",
                "process",
                "args",
                "uid",
                "linux",
                "resources",
                "hooks",
                "mounts",
                "annotations",
                "config",
                "layers",
                "digest",
                "size",
                "Env",
                "rootfs",
                "diff_ids",
                "history",
                "seccomp",
                "namespaces",
                "type",
                "mediaType",
                "schemaVersion")),
        Tuple.of(2, Arbitraries.strings().ofMaxLength(8)),
        Tuple.of(1, Arbitraries.of("", "a/b", "~0", "x-ext", "é", "otherProperties", "class")));
  }

  /** Any JSON value, nested up to three levels. */
  private static Arbitrary<JsonNode> values() {
    return Arbitraries.recursive(
        RandomRoundTripProperties::scalars, RandomRoundTripProperties::containers, 0, 3);
  }

  private static Arbitrary<JsonNode> scalars() {
    return Arbitraries.oneOf(
        Arbitraries.just(F.nullNode()),
        Arbitraries.of(true, false).map(F::booleanNode),
        Arbitraries.strings().ofMaxLength(10).map(F::stringNode),
        Arbitraries.integers().map(i -> (JsonNode) F.numberNode(i)),
        Arbitraries.longs().map(l -> (JsonNode) F.numberNode(l)),
        Arbitraries.bigIntegers()
            .between(
                BigInteger.TWO.pow(63).negate().subtract(BigInteger.TEN), BigInteger.TWO.pow(70))
            .map(b -> (JsonNode) F.numberNode(b)),
        Arbitraries.bigDecimals()
            .between(new BigDecimal("-1e6"), new BigDecimal("1e6"))
            .ofScale(3)
            .map(d -> (JsonNode) DecimalNode.valueOf(d)),
        Arbitraries.of("1.50", "1e400", "0.0", "18446744073709551615.0")
            .map(s -> (JsonNode) DecimalNode.valueOf(new BigDecimal(s))));
  }

  private static Arbitrary<JsonNode> containers(Arbitrary<JsonNode> inner) {
    Arbitrary<JsonNode> arrays =
        inner
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode a = F.arrayNode();
                  items.forEach(a::add);
                  return a;
                });
    Arbitrary<JsonNode> objects =
        Combinators.combine(keys().list().ofMaxSize(4), inner.list().ofSize(4))
            .as(
                (names, vals) -> {
                  ObjectNode o = F.objectNode();
                  for (int i = 0; i < names.size(); i++) {
                    o.set(names.get(i), vals.get(i));
                  }
                  return o;
                });
    return Arbitraries.oneOf(arrays, objects);
  }

  /** Applies the mutations to a copy of {@code base}. */
  static JsonNode apply(JsonNode base, List<Mutation> mutations) {
    ObjectNode root = (ObjectNode) base.deepCopy();
    for (Mutation m : mutations) {
      List<ObjectNode> objects = new ArrayList<>();
      collectObjects(root, objects);
      ObjectNode target = objects.get(m.objectSeed() % objects.size());
      if (m.replace() && !target.isEmpty()) {
        List<String> names = new ArrayList<>(target.propertyNames());
        target.set(names.get(m.memberSeed() % names.size()), m.value().deepCopy());
      } else {
        target.set(m.key(), m.value().deepCopy());
      }
    }
    return root;
  }

  private static void collectObjects(JsonNode node, List<ObjectNode> out) {
    if (node.isObject()) {
      out.add((ObjectNode) node);
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        collectObjects(e.getValue(), out);
      }
    } else if (node.isArray()) {
      node.forEach(child -> collectObjects(child, out));
    }
  }

  private static Tuple2<DocumentType, JsonNode> base(DocumentType type, String fixture) {
    try {
      Path file = Checkout.root().resolve("testdata/documents").resolve(fixture);
      return Tuple.of(type, StrictJson.reader().read(file).root());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode read(byte[] json) {
    try {
      return StrictJson.reader().read(json, "written").root();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
