package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.testing.Checkout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;

/**
 * Bundle and image findings name their files the same way: under the path as given, so relative to
 * the working directory when it was, and a file a SARIF consumer can open.
 */
class FindingLocationFormTest {
  @Test
  void bundleAndImageFindingsAreNamedUnderThePathGiven(@TempDir Path tmp) throws Exception {
    Path cwd = Path.of("").toAbsolutePath();
    Path bundle = cwd.relativize(Checkout.testdata().resolve("bundles/sample").toAbsolutePath());
    Path layout = Files.createDirectories(tmp.resolve("img/blobs"));
    Files.writeString(tmp.resolve("img/oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(tmp.resolve("img/index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
    Files.writeString(layout.resolve("stray"), "not a blob");
    Path image = cwd.relativize(tmp.resolve("img"));

    StringWriter out = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciValidate());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(new StringWriter()));
    cl.execute("--format", "json", "--level", "may", bundle.toString(), image.toString());
    JsonNode results =
        StrictJson.reader()
            .read(out.toString().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .get("results");
    assertEquals(2, results.size(), out.toString());
    for (JsonNode r : results) {
      JsonNode findings = r.get("findings");
      assertFalse(findings.isEmpty(), r.toString());
      String given = r.get("path").asString();
      for (JsonNode f : findings) {
        String file = f.get("location").get("file").asString();
        assertTrue(file.startsWith(given + "/"), given + " vs " + file);
        assertFalse(Path.of(file).isAbsolute(), file);
        assertTrue(Files.isRegularFile(Path.of(file)), file + " is no file from " + cwd);
      }
    }
  }
}
