package dev.ocikit.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the generator writes for each schema shape: numbers, maps, nullable values, open enums,
 * names, unions, Javadoc.
 */
class GeneratedTypesTest extends GeneratorTestSupport {
  private static final String INTEGERS =
      defs(
          "{\"Int32\": {\"type\": \"integer\", \"minimum\": -2147483648, \"maximum\": 2147483647},"
              + " \"UInt32\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 4294967295},"
              + " \"Int64\": {\"type\": \"integer\", \"minimum\": -9223372036854775808,"
              + "   \"maximum\": 9223372036854775807},"
              + " \"UInt64\": {\"type\": \"integer\", \"minimum\": 0,"
              + "   \"maximum\": 18446744073709551615}}");

  @Test
  void integerRangesPickTheSmallestJavaTypeThatFits() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "defs.schema.json",
                INTEGERS,
                "doc.schema.json",
                doc(
                    "Numbers",
                    "{\"i32\": {\"$ref\": \"defs.schema.json#/$defs/Int32\"},"
                        + " \"u32\": {\"$ref\": \"defs.schema.json#/$defs/UInt32\"},"
                        + " \"i64\": {\"$ref\": \"defs.schema.json#/$defs/Int64\"},"
                        + " \"u64\": {\"$ref\": \"defs.schema.json#/$defs/UInt64\"},"
                        + " \"small\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10},"
                        + " \"edge\": {\"type\": \"integer\", \"minimum\": 0,"
                        + "   \"maximum\": 2147483648},"
                        + " \"unbounded\": {\"type\": \"integer\"},"
                        + " \"ratio\": {\"type\": \"number\"}}")));
    String numbers = src.get("Numbers");
    assertComponent(numbers, "Integer", "i32");
    assertComponent(numbers, "Long", "u32");
    assertComponent(numbers, "Long", "i64");
    assertComponent(numbers, "java.math.BigInteger", "u64");
    assertComponent(numbers, "Integer", "small");
    assertComponent(numbers, "Long", "edge");
    assertComponent(numbers, "Long", "unbounded");
    assertComponent(numbers, "java.math.BigDecimal", "ratio");
    assertTrue(
        numbers.contains(
            "r.get(\"u64\", dev.ocikit.spec.model.internal.Binder.Decoders.BIG_INTEGER)"));
    assertTrue(
        numbers.contains(
            ".put(\"u64\", u64, dev.ocikit.spec.model.internal.Binder.Encoders.BIG_INTEGER)"));
    assertTrue(
        numbers.contains("r.get(\"i32\", dev.ocikit.spec.model.internal.Binder.Decoders.INT32)"));
    // Scalar $defs are inlined, not generated as classes.
    assertEquals(List.of("Numbers"), List.copyOf(src.keySet()));
  }

  @Test
  void stringMapsAndOtherMaps() throws IOException {
    String numbers =
        generate(
                Map.of(
                    "doc.schema.json",
                    doc(
                        "Maps",
                        "{\"annotations\": {\"type\": \"object\","
                            + "   \"additionalProperties\": {\"type\": \"string\"}},"
                            + " \"byPattern\": {\"type\": \"object\","
                            + "   \"patternProperties\": {\"^[a-z]+$\": {\"type\": \"boolean\"}}},"
                            + " \"ports\": {\"type\": \"object\", \"additionalProperties\": {}},"
                            + " \"free\": {\"type\": \"object\"},"
                            + " \"tags\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}},"
                            + " \"anything\": {\"type\": \"array\"}}")))
            .get("Maps");
    assertComponent(numbers, "java.util.Map<String, String>", "annotations");
    assertComponent(numbers, "java.util.Map<String, Boolean>", "byPattern");
    assertComponent(numbers, "java.util.Map<String, tools.jackson.databind.JsonNode>", "ports");
    assertComponent(numbers, "tools.jackson.databind.JsonNode", "free");
    assertComponent(numbers, "java.util.List<String>", "tags");
    assertComponent(numbers, "java.util.List<tools.jackson.databind.JsonNode>", "anything");
    // Collections are copied in the compact constructor so the record stays immutable.
    assertTrue(
        numbers.contains("annotations = dev.ocikit.spec.model.internal.Binder.copy(annotations);"));
    assertTrue(numbers.contains("tags = dev.ocikit.spec.model.internal.Binder.copy(tags);"));
  }

  @Test
  void nullTypesBecomeNullable() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                        "Feats",
                        "{\"hooks\": {\"type\": [\"array\", \"null\"], \"items\": {\"type\": \"string\"}},"
                            + " \"linux\": {\"anyOf\": [{\"$ref\": \"#/$defs/Sub\"}, {\"type\": \"null\"}]},"
                            + " \"flag\": {\"oneOf\": [{\"type\": \"null\"}, {\"type\": \"boolean\"}]},"
                            + " \"onlyNull\": {\"type\": \"null\"},"
                            + " \"plain\": {\"type\": \"string\"}}")
                    .replaceFirst(
                        "\\}$",
                        ", \"\\$defs\": {\"Sub\": {\"type\": \"object\", \"properties\":"
                            + " {\"a\": {\"type\": \"string\"}}}}}")));
    String feats = src.get("Feats");
    assertComponent(feats, "dev.ocikit.spec.model.Nullable<java.util.List<String>>", "hooks");
    assertComponent(feats, "dev.ocikit.spec.model.Nullable<Sub>", "linux");
    assertComponent(feats, "dev.ocikit.spec.model.Nullable<Boolean>", "flag");
    assertComponent(feats, "tools.jackson.databind.JsonNode", "onlyNull");
    assertComponent(feats, "String", "plain");
    assertTrue(
        feats.contains(
            "dev.ocikit.spec.model.internal.Binder.nullableOf(dev.ocikit.spec.model.internal.Binder.listOf("));
    assertTrue(src.containsKey("Sub"));
  }

  @Test
  void enumsAndKnownValuesBecomeOpenEnums() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                        "Thing",
                        "{\"status\": {\"type\": \"string\","
                            + "   \"x-known-values\": [\"creating\", \"created\"]},"
                            + " \"compression\": {\"type\": \"string\","
                            + "   \"enum\": [\"tar+gzip\", \"tar_gzip\", \"SCMP_ACT_ALLOW\"]},"
                            + " \"names\": {\"type\": \"array\", \"items\": {\"$ref\": \"#/$defs/Kind\"}}}")
                    .replaceFirst(
                        "\\}$", ", \"\\$defs\": {\"Kind\": {\"enum\": [\"pid\", \"network\"]}}}")));
    assertEquals(
        List.of("Kind", "Thing", "ThingCompression", "ThingStatus"), List.copyOf(src.keySet()));
    String thing = src.get("Thing");
    assertComponent(thing, "ThingStatus", "status");
    assertComponent(thing, "ThingCompression", "compression");
    assertComponent(thing, "java.util.List<Kind>", "names");
    assertTrue(thing.contains("dev.ocikit.spec.model.internal.Binder.enumOf(ThingStatus::of)"));

    String status = src.get("ThingStatus");
    assertTrue(status.contains("public final class ThingStatus {"), status);
    assertTrue(
        status.contains(
            "public static final ThingStatus CREATING = new ThingStatus(\"creating\", true);"));
    assertTrue(status.contains("public static ThingStatus of(String value)"));
    assertTrue(status.contains("public boolean isKnown()"));

    String compression = src.get("ThingCompression");
    assertTrue(compression.contains(" TAR_GZIP = new ThingCompression(\"tar+gzip\", true);"));
    // Two values with the same constant name both get a constant.
    assertTrue(compression.contains(" TAR_GZIP_ = new ThingCompression(\"tar_gzip\", true);"));
    assertTrue(
        compression.contains(" SCMP_ACT_ALLOW = new ThingCompression(\"SCMP_ACT_ALLOW\", true);"));
    assertTrue(src.get("Kind").contains(" PID = new Kind(\"pid\", true);"));

    for (String name : List.of("Kind", "ThingStatus", "ThingCompression")) {
      assertCompiles(name, src.get(name));
    }
  }

  @Test
  void enumValueNamedKnownStillCompiles() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                    "Thing",
                    "{\"state\": {\"type\": \"string\", \"enum\": [\"known\", \"other\"]}}")));
    assertCompiles("ThingState", src.get("ThingState"));
  }

  @Test
  void enumJavadocSurvivesHostileDescriptions() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                    "Thing",
                    "{\"mode\": {\"type\": \"string\", \"description\": \"ends */ early @see \\\\u0022\","
                        + " \"enum\": [\"a*/b\", \"é\", \"q\\\"uote\"]}}")));
    assertCompiles("ThingMode", src.get("ThingMode"));
  }

  @Test
  void javaKeywordPropertyGetsAValueSuffixUnlessNamed() throws IOException {
    String thing =
        generate(
                Map.of(
                    "doc.schema.json",
                    doc(
                        "Thing",
                        "{\"class\": {\"type\": \"string\"},"
                            + " \"default\": {\"type\": \"boolean\"},"
                            + " \"toJson\": {\"type\": \"string\"},"
                            + " \"new\": {\"type\": \"string\", \"x-java-name\": \"fresh\"},"
                            + " \"os.version\": {\"type\": \"string\"},"
                            + " \"DNSSearchList\": {\"type\": \"array\", \"items\": {\"type\": \"string\"}}}")))
            .get("Thing");
    assertComponent(thing, "String", "classValue");
    assertComponent(thing, "Boolean", "defaultValue");
    assertComponent(thing, "String", "toJsonValue");
    assertComponent(thing, "String", "fresh");
    assertComponent(thing, "String", "osVersion");
    assertComponent(thing, "java.util.List<String>", "dnsSearchList");
    // The JSON names stay as written.
    assertTrue(thing.contains("r.get(\"class\", "), thing);
    assertTrue(thing.contains(".put(\"os.version\", osVersion, "), thing);
    assertTrue(thing.contains("public Thing withClassValue(String classValue)"), thing);
    assertTrue(thing.contains("public Builder classValue(String classValue)"), thing);
  }

  @Test
  void inlineObjectsAreNamedAfterParentAndPropertyOrTitle() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                    "Config",
                    "{\"root\": {\"type\": \"object\", \"properties\": {\"path\": {\"type\": \"string\"}}},"
                        + " \"os.info\": {\"type\": \"object\", \"properties\": {\"v\": {\"type\": \"string\"}}},"
                        + " \"named\": {\"title\": \"Special\", \"type\": \"object\","
                        + "   \"properties\": {\"x\": {\"type\": \"string\"}}}}")));
    assertEquals(
        List.of("Config", "ConfigOsInfo", "ConfigRoot", "Special"), List.copyOf(src.keySet()));
    assertComponent(src.get("Config"), "ConfigRoot", "root");
    assertComponent(src.get("Config"), "Special", "named");
    assertTrue(src.get("Config").contains("public record Config("));
  }

  @Test
  void anyOfObjectsMergeTheirProperties() throws IOException {
    Map<String, String> src =
        generate(
            Map.of(
                "doc.schema.json",
                doc(
                        "Holder",
                        "{\"either\": {\"anyOf\": ["
                            + "   {\"type\": \"object\", \"properties\": {\"a\": {\"type\": \"string\"},"
                            + "     \"shared\": {\"type\": \"string\"}}},"
                            + "   {\"$ref\": \"#/$defs/B\"}]},"
                            + " \"mixed\": {\"anyOf\": [{\"type\": \"string\"},"
                            + "   {\"type\": \"object\", \"properties\": {\"z\": {\"type\": \"string\"}}}]}}")
                    .replaceFirst(
                        "\\}$",
                        ", \"\\$defs\": {\"B\": {\"type\": \"object\", \"properties\":"
                            + " {\"b\": {\"type\": \"integer\"}, \"shared\": {\"type\": \"string\"}}}}}")));
    String holder = src.get("Holder");
    assertComponent(holder, "HolderEither", "either");
    assertComponent(holder, "tools.jackson.databind.JsonNode", "mixed");
    String either = src.get("HolderEither");
    assertComponent(either, "String", "a");
    assertComponent(either, "String", "shared");
    assertComponent(either, "Long", "b");
    assertEquals(1, either.split("    String shared,").length - 1, "shared appears once");
  }

  @Test
  void documentGetsSpecLinkAndDescriptionsBecomeJavadoc() throws IOException {
    String text =
        "{\"title\": \"Doc\", \"description\": \"A <thing> & more.\","
            + " \"x-spec-url\": \"https://example.com/spec.md#doc\", \"type\": \"object\","
            + " \"properties\": {\"p\": {\"type\": \"string\", \"description\": \"The p.\","
            + " \"x-since\": \"1.2.0\"}}, \"required\": [\"p\"]}";
    String source = generate(Map.of("doc.schema.json", text)).get("Doc");
    assertTrue(source.startsWith("package " + PKG + ";\n"), source);
    assertTrue(source.contains(" * A &lt;thing&gt; &amp; more."), source);
    assertTrue(source.contains("https://example.com/spec.md#doc"), source);
    assertTrue(source.contains("@param p The p. (JSON {@code p}, required, since 1.2.0)"), source);
  }

  @Test
  void staleSourcesOfRenamedTypesAreRemoved() throws IOException {
    Path stale = tmp.resolve("out").resolve(PKG.replace('.', '/')).resolve("Gone.java");
    Files.createDirectories(stale.getParent());
    Files.writeString(stale, "class Gone {}");
    Map<String, String> src = generate(Map.of("doc.schema.json", doc("Kept", "{}")));
    assertEquals(List.of("Kept"), List.copyOf(src.keySet()));
  }
}
