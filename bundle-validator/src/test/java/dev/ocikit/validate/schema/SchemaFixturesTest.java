package dev.ocikit.validate.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.FindingSink;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.validate.DocumentValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;

/**
 * Asserts the verdict of every fixture under testdata/documents: valid ones raise no error, each
 * invalid one raises exactly the schema findings its folder's expected*.json lists (keyword and
 * pointer) and nothing else.
 */
class SchemaFixturesTest {
  private static final DocumentValidator VALIDATOR =
      new DocumentValidator(ValidationOptions.DEFAULT);

  @TestFactory
  Stream<DynamicTest> validFixturesRaiseNoError() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocumentType type : DocumentType.values()) {
      for (Path f : jsonFiles(Checkout.testdata().resolve("documents/" + type.id() + "/valid"))) {
        tests.add(
            DynamicTest.dynamicTest(
                type.id() + "/valid/" + f.getFileName(),
                () -> {
                  List<Finding> errors =
                      findings(f, type).stream().filter(Finding::isError).toList();
                  assertTrue(errors.isEmpty(), () -> f + " should be valid but: " + errors);
                }));
      }
    }
    assertFalse(tests.isEmpty(), "no valid fixtures found");
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> invalidFixturesRaiseExactlyTheExpectedFindings() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (DocumentType type : DocumentType.values()) {
      Path dir = Checkout.testdata().resolve("documents/" + type.id() + "/invalid");
      Map<String, TreeSet<String>> expected = expectations(dir);
      for (Path f : jsonFiles(dir)) {
        String name = f.getFileName().toString();
        tests.add(
            DynamicTest.dynamicTest(
                type.id() + "/invalid/" + name,
                () -> {
                  TreeSet<String> want = expected.get(name);
                  assertTrue(want != null && !want.isEmpty(), "no expectation for " + f);
                  TreeSet<String> got = new TreeSet<>();
                  for (Finding finding : findings(f, type)) {
                    if (finding.isError()) {
                      got.add(
                          finding.ruleId().replaceFirst("^schema\\.", "")
                              + " "
                              + finding.location().pointer());
                    }
                  }
                  assertEquals(want, got, f.toString());
                }));
      }
      assertEquals(
          new TreeSet<>(expected.keySet()),
          names(jsonFiles(dir)),
          dir + ": expected*.json and the fixtures disagree on which files exist");
    }
    return tests.stream();
  }

  @Test
  void malformedJsonFixturesAreFindingsWithPositions() throws IOException {
    Path dir = Checkout.testdata().resolve("json/invalid");
    JsonNode expected = StrictJson.reader().read(dir.resolve("expected.json")).root();
    int checked = 0;
    for (Map.Entry<String, JsonNode> e : expected.properties()) {
      Path f = dir.resolve(e.getKey());
      List<Finding> got = findings(f, DocumentType.RUNTIME_CONFIG);
      assertEquals(1, got.size(), () -> f + ": " + got);
      Finding only = got.get(0);
      assertEquals(e.getValue().get("ruleId").asString(), only.ruleId(), f.toString());
      assertEquals(e.getValue().get("line").asInt(), only.location().line(), f + " line");
      assertEquals(e.getValue().get("column").asInt(), only.location().column(), f + " column");
      assertTrue(only.isError());
      checked++;
    }
    assertEquals(names(jsonFiles(dir)).size(), checked, "every malformed fixture is listed");
  }

  /** A schema finding links the x-spec-url nearest its keyword, not only its file's page. */
  @Test
  void schemaFindingsLinkTheNearestSpecSection() {
    Map<String, String> links =
        links(
            DocumentType.IMAGE_MANIFEST,
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\","
                + "\"digest\":\"sha256:abc\",\"size\":1},\"layers\":[],\"annotations\":1}");
    String spec = "https://github.com/opencontainers/image-spec/blob/v1.1.1/";
    assertEquals(spec + "descriptor.md#digests", links.get("/config/digest"), links.toString());
    assertEquals(spec + "annotations.md#rules", links.get("/annotations"), links.toString());

    Map<String, String> runtimeLinks =
        links(
            DocumentType.RUNTIME_CONFIG,
            "{\"ociVersion\":\"1.3.0\",\"root\":{\"path\":\"rootfs\"},"
                + "\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"],\"user\":{\"uid\":-1,\"gid\":0}},"
                + "\"linux\":{\"namespaces\":[{\"type\":\"bogus\"}]}}");
    String runtime = "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/";
    assertEquals(
        runtime + "config-linux.md#namespaces",
        runtimeLinks.get("/linux/namespaces/0/type"),
        runtimeLinks.toString());
    // The range is a shared integer definition; the link is the user's section.
    assertEquals(
        runtime + "config.md#posix-platform-user",
        runtimeLinks.get("/process/user/uid"),
        runtimeLinks.toString());
  }

  /** Spec link of every finding of {@code json}, by JSON pointer. */
  private static Map<String, String> links(DocumentType type, String json) {
    FindingSink sink = new FindingSink(ValidationOptions.DEFAULT);
    VALIDATOR.check(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), "doc.json", type, sink);
    Map<String, String> links = new TreeMap<>();
    for (Finding f : sink.findings()) {
      links.put(f.location().pointer(), f.specRef());
    }
    return links;
  }

  private static List<Finding> findings(Path f, DocumentType type) throws IOException {
    FindingSink sink = new FindingSink(ValidationOptions.DEFAULT);
    VALIDATOR.check(Files.readAllBytes(f), f.toString(), type, sink);
    return sink.findings();
  }

  /** Merges every expected*.json of a folder into file → {"keyword pointer", …}. */
  private static Map<String, TreeSet<String>> expectations(Path dir) throws IOException {
    Map<String, TreeSet<String>> out = new TreeMap<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path e : s.filter(p -> p.getFileName().toString().startsWith("expected")).toList()) {
        for (Map.Entry<String, JsonNode> entry : StrictJson.reader().read(e).root().properties()) {
          TreeSet<String> set = out.computeIfAbsent(entry.getKey(), k -> new TreeSet<>());
          for (JsonNode x : entry.getValue()) {
            set.add(x.get("keyword").asString() + " " + x.get("pointer").asString());
          }
        }
      }
    }
    return out;
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.toString().endsWith(".json"))
          .filter(p -> !p.getFileName().toString().startsWith("expected"))
          .sorted()
          .toList();
    }
  }

  private static TreeSet<String> names(List<Path> files) {
    TreeSet<String> out = new TreeSet<>();
    files.forEach(f -> out.add(f.getFileName().toString()));
    return out;
  }
}
