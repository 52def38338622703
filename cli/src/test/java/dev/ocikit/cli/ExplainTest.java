package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Drives {@code oci-tool explain} through picocli with captured output. */
class ExplainTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciTool());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void explainsARuleWithItsMetadataAndExamples() {
    Run r = run("explain", "process.cwd.absolute");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("process.cwd.absolute\n"), r.out());
    assertTrue(r.out().contains("level:    MUST"), r.out());
    assertTrue(r.out().contains("platform: all"), r.out());
    assertTrue(r.out().contains("summary:  process.cwd is an absolute path"), r.out());
    assertTrue(
        r.out()
            .contains(
                "spec:     https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#process"),
        r.out());
    assertTrue(
        r.out().contains("requirements:\n    rt.config.process.cwd-absolute (MUST): "), r.out());
    // the examples come from the jar, wherever the tool runs
    assertTrue(r.out().contains("Example that passes"), r.out());
    assertTrue(r.out().contains("\"cwd\": \"srv\""), r.out());
  }

  @Test
  void explainsCoreRulesWithoutFixtures() {
    Run r = run("explain", "json.syntax");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("examples: none shipped for this rule"), r.out());
  }

  @Test
  void unknownIdExitsTwoWithCloseMatches() {
    Run r = run("explain", "process.cwd.absolut");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown check id 'process.cwd.absolut'"), r.err());
    assertTrue(r.err().contains("Did you mean: process.cwd.absolute"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unrelatedIdExitsTwoPointingAtTheCatalog() {
    Run r = run("explain", "zzzzzzzzzzzzzzzzzzzzzz");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("oci-tool explain --list"), r.err());
  }

  @Test
  void explainsSchemaKeywordsWithTheRequirementsTheyEnforce() {
    Run r = run("explain", "schema.minimum");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("kind:     schema keyword"), r.out());
    assertTrue(r.out().contains("requirements:\n    "), r.out());
  }

  @Test
  void explainsImageRulesAndConformanceTests() {
    Run image = run("explain", "image.blob.digest");
    assertEquals(0, image.exit(), image.err());
    assertTrue(image.out().contains("kind:     rule"), image.out());
    assertTrue(image.out().contains("(MUST): "), image.out());
    Run test = run("explain", "lifecycle.start-twice");
    assertEquals(0, test.exit(), test.err());
    assertTrue(test.out().contains("kind:     conformance test"), test.out());
  }

  @Test
  void listCoversEveryCheckOnceAndParsesAsJson() throws Exception {
    Run text = run("explain", "--list");
    assertEquals(0, text.exit(), text.err());
    Run json = run("explain", "--list", "--format", "json");
    assertEquals(0, json.exit(), json.err());
    var root =
        dev.ocikit.spec.json.StrictJson.reader()
            .read(json.out().getBytes(java.nio.charset.StandardCharsets.UTF_8), "list")
            .root();
    java.util.Set<String> ids = new java.util.HashSet<>();
    root.forEach(e -> assertTrue(ids.add(e.path("id").asString()), "twice: " + e));
    assertEquals(CheckIndex.all().size(), ids.size());
    for (String id :
        java.util.List.of(
            "process.cwd.absolute", "schema.minimum", "image.blob.digest", "json.syntax")) {
      assertTrue(ids.contains(id), id);
      assertTrue(text.out().lines().anyMatch(l -> l.startsWith(id + " ")), id);
    }
    for (String keyword : dev.ocikit.validate.schema.SchemaKeywords.used()) {
      assertTrue(ids.contains("schema." + keyword), keyword);
    }
  }

  @Test
  void neitherIdNorListExitsTwo() {
    Run r = run("explain");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("name a check id, or use --list"), r.err());
  }
}
