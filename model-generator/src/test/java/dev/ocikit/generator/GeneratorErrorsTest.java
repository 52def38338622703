package dev.ocikit.generator;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Schemas the generator refuses, with messages that say where in which file. */
class GeneratorErrorsTest extends GeneratorTestSupport {
  private static final String THING =
      "{\"type\": \"object\", \"properties\": {\"x\": {\"type\": \"string\"}}}";

  @Test
  void sameDefNameInTwoFilesNamesBoth() {
    GeneratorException e =
        refused(
            Map.of(
                "a.schema.json", defs("{\"Thing\": " + THING + "}"),
                "b.schema.json", defs("{\"Thing\": " + THING + "}")));
    assertTrue(e.getMessage().contains("Thing"), e.getMessage());
    assertTrue(e.getMessage().contains("a.schema.json#/$defs/Thing"), e.getMessage());
    assertTrue(e.getMessage().contains("b.schema.json#/$defs/Thing"), e.getMessage());
  }

  @Test
  void inlineNameClashingWithADefIsReported() {
    GeneratorException e =
        refused(
            Map.of(
                "a.schema.json",
                doc("Doc", "{\"root\": " + THING + "}"),
                "b.schema.json",
                defs("{\"DocRoot\": " + THING + "}")));
    assertTrue(e.getMessage().contains("a.schema.json#/properties/root"), e.getMessage());
    assertTrue(e.getMessage().contains("b.schema.json#/$defs/DocRoot"), e.getMessage());
  }

  @Test
  void refToAMissingFileNamesIt() {
    GeneratorException e =
        refused(
            Map.of(
                "doc.schema.json",
                doc("Doc", "{\"n\": {\"$ref\": \"nowhere.schema.json#/$defs/UInt8\"}}")));
    assertTrue(e.getMessage().contains("nowhere.schema.json"), e.getMessage());
    assertTrue(e.getMessage().contains("doc.schema.json"), e.getMessage());
  }

  @Test
  void refToAMissingDefinitionIsReported() {
    GeneratorException e =
        refused(Map.of("doc.schema.json", doc("Doc", "{\"n\": {\"$ref\": \"#/$defs/Absent\"}}")));
    assertTrue(e.getMessage().contains("#/$defs/Absent"), e.getMessage());
  }

  @Test
  void twoPropertiesWithTheSameJavaNameAreReported() {
    GeneratorException e =
        refused(
            Map.of(
                "doc.schema.json",
                doc(
                    "Doc",
                    "{\"os.version\": {\"type\": \"string\"},"
                        + " \"osVersion\": {\"type\": \"string\"}}")));
    assertTrue(e.getMessage().contains("osVersion"), e.getMessage());
  }

  @Test
  void propertyWithoutAnIdentifierNeedsXJavaName() {
    GeneratorException e =
        refused(Map.of("doc.schema.json", doc("Doc", "{\"--\": {\"type\": \"string\"}}")));
    assertTrue(e.getMessage().contains("x-java-name"), e.getMessage());
    assertTrue(e.getMessage().contains("/properties/--"), e.getMessage());
  }

  private GeneratorException refused(Map<String, String> files) {
    return assertThrows(GeneratorException.class, () -> generate(files));
  }
}
