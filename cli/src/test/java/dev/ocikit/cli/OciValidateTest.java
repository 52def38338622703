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

/** Drives {@code oci-validate} through picocli with captured output, as a user would. */
class OciValidateTest {
  private static final Path TESTDATA = Checkout.testdata();

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciValidate());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void sampleBundleIsValid() {
    Run r = run("--color=never", TESTDATA.resolve("bundles/sample").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out()
            .contains(
                "VALID "
                    + TESTDATA.resolve("bundles/sample")
                    + " (bundle): 0 error(s), 1 warning(s)"),
        r.out());
    // its rootfs is empty: the one warning is the advice that "sh" is missing there
    assertTrue(r.out().startsWith("warning process.args.executable-in-rootfs [ADVICE]"), r.out());
  }

  @Test
  void sampleImageIsValidEvenAtMayLevel() {
    Path image = TESTDATA.resolve("images/sample");
    Run r = run("--color=never", "--level", "may", image.toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("VALID " + image + " (image-layout): 0 error(s), 0 warning(s)"), r.out());
  }

  @Test
  void brokenBundleExitsOneWithLocatedFindings() {
    Run r = run("--color=never", TESTDATA.resolve("bundles/broken").toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("error schema.minimum [MUST]"), r.out());
    assertTrue(r.out().contains("config.json:6:14 #/process/user/uid"), r.out());
    assertTrue(r.out().contains("root.path.directory"), r.out());
    assertTrue(r.out().contains("warning config.field.newer-than-version"), r.out());
    assertTrue(r.out().contains("INVALID"), r.out());
  }

  @Test
  void jsonFormatHasTheDocumentedShape() throws Exception {
    Run r = run("--format", "json", TESTDATA.resolve("bundles/broken").toString());
    assertEquals(1, r.exit());
    JsonNode root =
        StrictJson.reader().read(r.out().getBytes(StandardCharsets.UTF_8), "out").root();
    JsonNode result = root.get("results").get(0);
    assertEquals("bundle", result.get("type").asString());
    assertFalse(result.get("valid").asBoolean());
    JsonNode first = result.get("findings").get(0);
    for (String key :
        new String[] {"ruleId", "level", "severity", "message", "location", "specRef"}) {
      assertTrue(first.has(key), "finding lacks " + key + ": " + first);
    }
    JsonNode loc = first.get("location");
    for (String key : new String[] {"file", "pointer", "line", "column"}) {
      assertTrue(loc.has(key), "location lacks " + key + ": " + loc);
    }
    assertEquals("/process/user/uid", loc.get("pointer").asString());
    assertEquals(6, loc.get("line").asInt());
  }

  @Test
  void singleDocumentsAreDetectedByContent() {
    Run r =
        run(
            "--format",
            "json",
            TESTDATA.resolve("documents/image-manifest/valid").toFile().listFiles()[0].toString(),
            TESTDATA.resolve("documents/runtime-features/valid/runc-features.json").toString());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("\"type\": \"image-manifest\""), r.out());
    assertTrue(r.out().contains("\"type\": \"runtime-features\""), r.out());
  }

  @Test
  void forcedTypeOverridesDetection() {
    Path index = TESTDATA.resolve("documents/image-layout/valid").toFile().listFiles()[0].toPath();
    Run r = run("--type", "image-manifest", "--format", "json", index.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(r.out().contains("\"ruleId\": \"schema.required\""), r.out());
  }

  @Test
  void malformedJsonIsAFindingNotAStackTrace(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("state.json");
    Files.writeString(f, "{\"ociVersion\": \"1.3.0\", \"id\": \"a\", \"id\": \"b\"}");
    Run r = run("--color=never", f.toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("json.duplicate-key"), r.out());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void missingPathExitsTwoAndStillReportsTheOthers() {
    Run r =
        run("--color=never", "/nonexistent/bundle", TESTDATA.resolve("bundles/sample").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("/nonexistent/bundle"), r.err());
    assertTrue(r.out().contains("VALID"), r.out());
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    Run bad = run("--level", "sometimes", TESTDATA.resolve("bundles/sample").toString());
    assertEquals(2, bad.exit());
    assertTrue(bad.err().contains("--level"), bad.err());
    assertEquals(2, run("--format", "yaml", "x").exit());
    assertEquals(2, run("--type", "nonsense", "x").exit());
    assertEquals(2, run().exit());
  }

  @Test
  void outputFileIsWrittenAndStdoutStaysEmpty(@TempDir Path dir) throws Exception {
    Path report = dir.resolve("out/report.json");
    Run r =
        run(
            "--format",
            "json",
            "-o",
            report.toString(),
            TESTDATA.resolve("bundles/sample").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(Files.readString(report).contains("\"valid\": true"));
    try (var s = Files.list(report.getParent())) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void recursiveFindsEveryBundle() {
    Run r = run("--recursive", "--color=never", TESTDATA.resolve("bundles").toString());
    assertEquals(1, r.exit());
    assertTrue(r.out().contains("VALID " + TESTDATA.resolve("bundles/sample")), r.out());
    assertTrue(r.out().contains("INVALID " + TESTDATA.resolve("bundles/broken")), r.out());
    assertTrue(r.out().contains("2 paths checked"), r.out());
  }

  @Test
  void embeddedDataIsCheckedInADocumentOnItsOwn(@TempDir Path dir) throws Exception {
    // "[]" embedded under the digest of "{}": the manifest alone, no layout around it.
    String empty =
        "{\"mediaType\":\"application/vnd.oci.empty.v1+json\",\"digest\":\"sha256:"
            + "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\",\"size\":2,"
            + "\"data\":\"%s\"}";
    Path manifest = dir.resolve("manifest.json");
    Files.writeString(
        manifest,
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"artifactType\":\"application/vnd.example\",\"config\":"
            + empty.formatted("e30=")
            + ",\"layers\":["
            + empty.formatted("W10=")
            + "]}");
    Run r = run("--color=never", manifest.toString());
    assertEquals(1, r.exit(), r.out() + r.err());
    assertTrue(
        r.out().contains("error image.descriptor.data.matches [MUST]")
            && r.out().contains("#/layers/0/data: layers[0].data decodes to 2 bytes"),
        r.out());
    Path descriptor = dir.resolve("descriptor.json");
    Files.writeString(descriptor, empty.formatted("W10="));
    Run d = run("--color=never", "--type", "image-descriptor", descriptor.toString());
    assertEquals(1, d.exit(), d.out() + d.err());
    assertTrue(d.out().contains("#/data: descriptor.data decodes to 2 bytes"), d.out());
  }

  @Test
  void imageLayoutsAreVerifiedBlobByBlob(@TempDir Path dir) throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        onPath("umoci"), "needs umoci (Debian package umoci) to build a real image");
    Path layout = dir.resolve("img");
    exec("umoci", "init", "--layout", layout.toString());
    exec("umoci", "new", "--image", layout + ":t");
    exec("umoci", "config", "--image", layout + ":t", "--config.cmd", "/bin/true");
    Run ok = run("--color=never", layout.toString());
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertTrue(ok.out().contains("VALID " + layout + " (image-layout)"), ok.out());

    // Tamper with the config blob: its digest no longer matches.
    Path manifest = biggestRef(layout, "manifests");
    JsonNode m = StrictJson.reader().read(manifest).root();
    String config = m.get("config").get("digest").asString().replace(':', '/');
    Path configBlob = layout.resolve("blobs").resolve(config);
    String text = Files.readString(configBlob);
    Files.writeString(configBlob, text.replace("/bin/true", "/bin/fals"));
    Run bad = run("--color=never", layout.toString());
    assertEquals(1, bad.exit(), bad.out());
    assertTrue(bad.out().contains("image.blob.digest"), bad.out());

    // A missing blob is a warning (image-layout.md: a layout MAY lack referenced blobs), an
    // error only for a completeness check; --allow-missing still parses and changes nothing.
    Files.delete(configBlob);
    for (String[] args :
        new String[][] {{layout.toString()}, {"--allow-missing", layout.toString()}}) {
      Run allowed = run(concat("--color=never", args));
      assertEquals(0, allowed.exit(), allowed.out() + allowed.err());
      assertTrue(allowed.out().contains("warning image.blob.present [ADVICE]"), allowed.out());
    }
    Run complete = run("--color=never", "--require-all-blobs", layout.toString());
    assertEquals(1, complete.exit(), complete.out());
    assertTrue(complete.out().contains("error image.blob.present [MUST]"), complete.out());
    Run both = run("--allow-missing", "--require-all-blobs", layout.toString());
    assertEquals(2, both.exit(), both.out());
    assertTrue(both.err().contains("contradict each other"), both.err());

    // No blobs directory at all is an error whatever the options (image-layout.md: it MUST exist).
    deleteTree(layout.resolve("blobs"));
    Run noBlobs = run("--color=never", "--allow-missing", layout.toString());
    assertEquals(1, noBlobs.exit(), noBlobs.out());
    assertTrue(
        noBlobs
            .out()
            .contains(
                "error image.layout.blobs.present [MUST] " + layout + "/blobs: no blobs directory"),
        noBlobs.out());
  }

  private static String[] concat(String first, String... rest) {
    String[] out = new String[rest.length + 1];
    out[0] = first;
    System.arraycopy(rest, 0, out, 1, rest.length);
    return out;
  }

  private static void deleteTree(Path dir) throws java.io.IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** The manifest blob referenced by index.json (the layout has exactly one image). */
  private static Path biggestRef(Path layout, String key) throws Exception {
    JsonNode index = StrictJson.reader().read(layout.resolve("index.json")).root();
    String digest = index.get(key).get(0).get("digest").asString();
    return layout.resolve("blobs").resolve(digest.replace(':', '/'));
  }

  private static boolean onPath(String tool) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void exec(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
  }

  /** The README shows the broken sample's report; it must be what users get. */
  @Test
  void readmeExampleIsTheRealOutput() throws Exception {
    Path root = TESTDATA.getParent();
    String readme = Files.readString(root.resolve("README.md"));
    String intro =
        "`bin/oci-validate testdata/bundles/broken` shows what findings look like:\n\n```\n";
    int start = readme.indexOf(intro);
    assertTrue(start >= 0, "README lost the example");
    start += intro.length();
    String shown = readme.substring(start, readme.indexOf("```", start));
    Run r = run("--color=never", TESTDATA.resolve("bundles/broken").toString());
    assertEquals(shown, r.out().replace(root + "/", ""));
  }

  /** The paths-only start (no picocli model) must be indistinguishable from a picocli run. */
  @Test
  void pathsOnlyRunMatchesThePicocliRun(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("not-json.json"), "{");
    String[][] cases = {
      {TESTDATA.resolve("bundles/sample").toString()},
      {TESTDATA.resolve("bundles/broken").toString(), TESTDATA.resolve("images/sample").toString()},
      {dir.resolve("missing").toString()},
      {dir.resolve("not-json.json").toString()},
    };
    for (String[] args : cases) {
      assertTrue(OciValidate.pathsOnly(args), String.join(" ", args));
      Run picocli = run(args);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int exit = OciValidate.runPathsOnly(args, new PrintWriter(out), new PrintWriter(err));
      assertEquals(picocli, new Run(exit, out.toString(), err.toString()), String.join(" ", args));
    }
  }

  @Test
  void anOptionOrArgumentFileNeedsPicocli() {
    assertFalse(OciValidate.pathsOnly(new String[0]));
    assertFalse(OciValidate.pathsOnly(new String[] {"b1", "--format", "json"}));
    assertFalse(OciValidate.pathsOnly(new String[] {"-h"}));
    assertFalse(OciValidate.pathsOnly(new String[] {"@args.txt"}));
    assertFalse(OciValidate.pathsOnly(new String[] {"b1", "-"}));
    assertFalse(OciValidate.pathsOnly(new String[] {"nul\0byte"}));
    assertTrue(OciValidate.pathsOnly(new String[] {"b1", "dir/b2", "image.tar"}));
  }
}
