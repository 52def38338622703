package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.testing.Checkout;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/**
 * A path that cannot be read (missing, a device, no permission, a directory with nothing to
 * validate) stays in every machine-readable report as a result with an error, beside the paths that
 * were read, and the run exits 2 with one line on standard error per such path.
 */
class UnreadablePathReportTest {
  private static final Path BUNDLE = Checkout.testdata().resolve("bundles/sample");
  private static final String DEVICE = "/dev/zero";

  @TempDir Path tmp;

  private Result validate(String format, String... paths) {
    String[] args = new String[paths.length + 1];
    args[0] = "--format=" + format;
    System.arraycopy(paths, 0, args, 1, paths.length);
    return ToolProcess.inProcess(new OciValidate(), args);
  }

  private Path missing() {
    return tmp.resolve("missing.json");
  }

  /** Exit 2 and one line on standard error for each unreadable path, naming it. */
  private void exitTwoNaming(Result r, String... unreadable) {
    assertEquals(2, r.exit(), r.err());
    List<String> lines = r.err().lines().toList();
    assertEquals(unreadable.length, lines.size(), r.err());
    for (int i = 0; i < unreadable.length; i++) {
      assertTrue(lines.get(i).startsWith("oci-validate: " + unreadable[i] + ": "), r.err());
    }
  }

  @Test
  void jsonHasAnInvalidResultWithTheError() throws Exception {
    Result r = validate("json", BUNDLE.toString(), missing().toString(), DEVICE);
    exitTwoNaming(r, missing().toString(), DEVICE);
    JsonNode results =
        StrictJson.reader()
            .read(r.out().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .get("results");
    assertEquals(3, results.size(), r.out());
    assertTrue(results.get(0).get("valid").asBoolean());
    assertFalse(results.get(0).has("error"), "a path that was read has no error");
    JsonNode gone = results.get(1);
    assertEquals(missing().toString(), gone.get("path").asString());
    assertEquals("unreadable", gone.get("type").asString());
    assertFalse(gone.get("valid").asBoolean());
    assertTrue(gone.get("error").asString().endsWith("no such file or directory"), r.out());
    JsonNode device = results.get(2);
    assertEquals(DEVICE, device.get("path").asString());
    assertFalse(device.get("valid").asBoolean());
    assertTrue(device.get("error").asString().contains("a character device"), r.out());
  }

  @Test
  void junitHasAnErrorPerUnreadablePath() throws Exception {
    Result r = validate("junit", BUNDLE.toString(), missing().toString(), DEVICE);
    exitTwoNaming(r, missing().toString(), DEVICE);
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
    assertEquals("2", doc.getDocumentElement().getAttribute("errors"));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertEquals(3, suites.getLength());
    assertEquals("0", ((Element) suites.item(0)).getAttribute("errors"));
    for (int i = 1; i < 3; i++) {
      Element suite = (Element) suites.item(i);
      assertEquals("1", suite.getAttribute("errors"), r.out());
      assertEquals("0", suite.getAttribute("failures"), r.out());
      NodeList errors = suite.getElementsByTagName("error");
      assertEquals(1, errors.getLength(), r.out());
      String message = ((Element) errors.item(0)).getAttribute("message");
      assertTrue(message.startsWith(i == 1 ? missing().toString() : DEVICE), message);
    }
    assertEquals(2, doc.getElementsByTagName("error").getLength());
  }

  @Test
  void tapSaysNotOkWithTheReason() {
    Result r = validate("tap", BUNDLE.toString(), missing().toString(), DEVICE);
    exitTwoNaming(r, missing().toString(), DEVICE);
    List<String> lines = r.out().lines().toList();
    assertEquals("1..3", lines.get(1));
    assertTrue(lines.contains("ok 1 - " + BUNDLE + " (bundle)"), r.out());
    assertTrue(lines.contains("not ok 2 - " + missing() + " (unreadable)"), r.out());
    assertTrue(lines.contains("not ok 3 - " + DEVICE + " (unreadable)"), r.out());
    assertTrue(r.out().contains("  message: \"" + DEVICE + ": is a character device"), r.out());
  }

  @Test
  void sarifHasAToolExecutionNotification() throws Exception {
    Result r = validate("sarif", BUNDLE.toString(), missing().toString(), DEVICE);
    exitTwoNaming(r, missing().toString(), DEVICE);
    JsonNode invocation =
        StrictJson.reader()
            .read(r.out().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .at("/runs/0/invocations/0");
    assertFalse(invocation.get("executionSuccessful").asBoolean(), r.out());
    JsonNode notes = invocation.get("toolExecutionNotifications");
    assertEquals(2, notes.size(), r.out());
    assertEquals("error", notes.get(0).get("level").asString());
    assertEquals(
        missing().toUri().toASCIIString(),
        notes.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asString());
    assertTrue(notes.get(1).at("/message/text").asString().contains("a character device"));
  }

  @Test
  void sarifOfReadablePathsSaysTheRunSucceeded() throws Exception {
    Result r = validate("sarif", BUNDLE.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode invocation =
        StrictJson.reader()
            .read(r.out().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .at("/runs/0/invocations/0");
    assertTrue(invocation.get("executionSuccessful").asBoolean(), r.out());
    assertFalse(invocation.has("toolExecutionNotifications"), r.out());
  }

  @Test
  void recursiveOverADirectoryWithNothingToValidateExitsTwo() throws Exception {
    Path empty = Files.createDirectories(tmp.resolve("empty/sub"));
    Files.writeString(empty.resolve("notes.txt"), "no bundle here");
    Path dir = tmp.resolve("empty");
    Result text = ToolProcess.inProcess(new OciValidate(), "--recursive", dir.toString());
    assertEquals(
        new Result(
            2,
            "",
            "oci-validate: "
                + dir
                + ": no bundle (directory with config.json) or image layout found\n"),
        text);
    Result json =
        ToolProcess.inProcess(
            new OciValidate(), "--recursive", "--format=json", dir.toString(), BUNDLE.toString());
    assertEquals(2, json.exit(), json.err());
    JsonNode results =
        StrictJson.reader()
            .read(json.out().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .get("results");
    assertEquals(2, results.size(), json.out());
    assertEquals(dir.toString(), results.get(0).get("path").asString());
    assertFalse(results.get(0).get("valid").asBoolean());
    assertTrue(results.get(0).get("error").asString().contains("no bundle"), json.out());
    assertTrue(results.get(1).get("valid").asBoolean(), json.out());
  }

  /** Permission denied needs a user other than root: the JVM runs as nobody. */
  @Test
  void aFileWithoutReadPermissionIsAnError() throws Exception {
    assumeTrue(ToolProcess.canRunAsNobody(), "needs root and setpriv to run as nobody");
    Path secret = Files.writeString(tmp.resolve("secret.json"), "{}");
    Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
    Result r =
        new ToolProcess(tmp).asNobody().run("OciValidate", "--format=json", secret.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("oci-validate: " + secret + ": permission denied"), r.err());
    JsonNode result =
        StrictJson.reader()
            .read(r.out().getBytes(StandardCharsets.UTF_8), "out")
            .root()
            .at("/results/0");
    assertFalse(result.get("valid").asBoolean(), r.out());
    assertTrue(result.get("error").asString().contains("permission denied"), r.out());
  }
}
