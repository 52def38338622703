package dev.ocikit.check.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.Location;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.OcikitVersion;
import dev.ocikit.spec.json.StrictJson;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;

/** Parses what every report format writes and checks the parts consumers rely on. */
class ReportFormatsTest {
  private static final String NASTY = "value <\"&'> with\nnewline, tab\t, \u0001 and # hash";

  private static final ValidationReport REPORT =
      new ValidationReport(
          List.of(
              new ValidationResult(
                  "bundles/bad",
                  "bundle",
                  List.of(
                      new Finding(
                          "process.cwd.absolute",
                          Level.MUST,
                          Severity.ERROR,
                          "process.cwd=\"srv\" is not absolute; " + NASTY,
                          new Location("bundles/bad/config.json", "/process/cwd", 7, 12),
                          "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#process"),
                      new Finding(
                          "schema.minimum",
                          Level.MUST,
                          Severity.ERROR,
                          "uid below 0",
                          new Location("bundles/bad/config.json", "/process/user/uid", 5, 14),
                          "https://example.test/schema"),
                      new Finding(
                          "root.path.conventional",
                          Level.SHOULD,
                          Severity.WARNING,
                          "root.path=\"fs\" is not the conventional rootfs",
                          new Location("bundles/bad/config.json", "/root/path", null, null),
                          null))),
              new ValidationResult("ok/config.json", "runtime-config", List.of())));

  private static String render(String name) throws Exception {
    StringWriter out = new StringWriter();
    ReportFormats.byName(name, false).orElseThrow().write(REPORT, out);
    return out.toString();
  }

  @Test
  void everyNamedFormatExists() {
    assertEquals(List.of("text", "json", "sarif", "junit", "tap"), ReportFormats.names());
    for (String name : ReportFormats.names()) {
      assertEquals(name, ReportFormats.byName(name, false).orElseThrow().name());
    }
  }

  /** The catalog ties process.cwd.absolute to its config.md sentence; every format says so. */
  @Test
  void everyFormatCarriesTheRequirementsOfAFinding() throws Exception {
    String id = "rt.config.process.cwd-absolute";
    JsonNode json =
        StrictJson.reader().read(render("json").getBytes(StandardCharsets.UTF_8), "json").root();
    assertEquals(id, json.at("/results/0/findings/0/requirements/0").asString());
    JsonNode sarif =
        StrictJson.reader().read(render("sarif").getBytes(StandardCharsets.UTF_8), "s").root();
    assertEquals(id, sarif.at("/runs/0/results/0/properties/requirements/0").asString());
    assertTrue(render("junit").contains("<property name=\"requirement\" value=\"" + id + "\"/>"));
    assertTrue(render("tap").contains("      requirements:\n        - \"" + id + "\"\n"));
  }

  @Test
  void sarifHasTheFieldsCodeScanningRequires() throws Exception {
    JsonNode log =
        StrictJson.reader().read(render("sarif").getBytes(StandardCharsets.UTF_8), "sarif").root();
    assertEquals("2.1.0", log.get("version").asString());
    assertTrue(log.get("$schema").asString().contains("sarif-2.1.0"));
    JsonNode run = log.get("runs").get(0);
    JsonNode rules = run.get("tool").get("driver").get("rules");
    assertNotNull(run.get("tool").get("driver").get("name"));
    Set<String> ruleIds = new HashSet<>();
    for (JsonNode r : rules) {
      ruleIds.add(r.get("id").asString());
      assertFalse(r.get("shortDescription").get("text").asString().isBlank());
    }
    assertTrue(ruleIds.contains("process.cwd.absolute"));
    assertTrue(ruleIds.contains("schema.minimum"), "schema keywords that fired are described");
    JsonNode results = run.get("results");
    assertEquals(3, results.size());
    for (JsonNode res : results) {
      String id = res.get("ruleId").asString();
      assertEquals(id, rules.get(res.get("ruleIndex").asInt()).get("id").asString());
      assertTrue(Set.of("error", "warning").contains(res.get("level").asString()));
      assertFalse(res.get("message").get("text").asString().isEmpty());
      JsonNode loc = res.get("locations").get(0).get("physicalLocation");
      assertEquals("bundles/bad/config.json", loc.get("artifactLocation").get("uri").asString());
    }
    JsonNode first = results.get(0);
    assertEquals("error", first.get("level").asString());
    assertEquals(
        7,
        first
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("region")
            .get("startLine")
            .asInt());
    assertEquals(
        12,
        first
            .get("locations")
            .get(0)
            .get("physicalLocation")
            .get("region")
            .get("startColumn")
            .asInt());
    assertTrue(first.get("message").get("text").asString().endsWith(NASTY));
    assertEquals("warning", results.get(2).get("level").asString());
    assertEquals("/root/path", results.get(2).get("properties").get("pointer").asString());
  }

  @Test
  void junitParsesWithOneSuitePerPathAndFailuresForErrors() throws Exception {
    String xml = render("junit");
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Element root = doc.getDocumentElement();
    assertEquals("testsuites", root.getTagName());
    assertEquals("4", root.getAttribute("tests"));
    assertEquals("2", root.getAttribute("failures"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    Element bad = (Element) suites.item(0);
    assertEquals("bundles/bad", bad.getAttribute("name"));
    assertEquals("3", bad.getAttribute("tests"));
    assertEquals("2", bad.getAttribute("failures"));
    NodeList cases = bad.getElementsByTagName("testcase");
    assertEquals(3, cases.getLength());
    Element cwd = (Element) cases.item(0);
    assertEquals("process.cwd.absolute at /process/cwd", cwd.getAttribute("name"));
    Element failure = (Element) cwd.getElementsByTagName("failure").item(0);
    assertTrue(
        failure.getAttribute("message").endsWith(NASTY.replace("\u0001", "\uFFFD")),
        failure.getAttribute("message"));
    Element warning = (Element) cases.item(2);
    assertEquals(0, warning.getElementsByTagName("failure").getLength());
    assertEquals(1, warning.getElementsByTagName("system-out").getLength());
    Element ok = (Element) suites.item(1);
    assertEquals(
        "valid", ((Element) ok.getElementsByTagName("testcase").item(0)).getAttribute("name"));
  }

  @Test
  void machineReadableFormatsNameTheBuildsVersionAndCommit() throws Exception {
    OcikitVersion build = OcikitVersion.build();
    assertNotEquals(OcikitVersion.UNKNOWN, build.version(), "the build filtered the version in");
    JsonNode json =
        StrictJson.reader().read(render("json").getBytes(StandardCharsets.UTF_8), "json").root();
    assertEquals("ocikit", json.get("tool").get("name").asString());
    assertEquals(build.version(), json.get("tool").get("version").asString());
    assertEquals(build.commit(), json.get("tool").get("commit").asString());
    JsonNode driver =
        StrictJson.reader()
            .read(render("sarif").getBytes(StandardCharsets.UTF_8), "sarif")
            .root()
            .get("runs")
            .get(0)
            .get("tool")
            .get("driver");
    assertEquals(build.version(), driver.get("version").asString());
    assertEquals(build.commit(), driver.get("properties").get("commit").asString());
    Document doc =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(render("junit").getBytes(StandardCharsets.UTF_8)));
    NodeList suites = doc.getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      // the suite's own properties come first; its test cases' requirement properties follow
      NodeList props = ((Element) suites.item(i)).getElementsByTagName("property");
      assertTrue(props.getLength() >= 2);
      assertEquals("ocikit.version", ((Element) props.item(0)).getAttribute("name"));
      assertEquals(build.version(), ((Element) props.item(0)).getAttribute("value"));
      assertEquals("ocikit.commit", ((Element) props.item(1)).getAttribute("name"));
      assertEquals(build.commit(), ((Element) props.item(1)).getAttribute("value"));
    }
  }

  private static final Pattern PLAN = Pattern.compile("1\\.\\.(\\d+)");
  private static final Pattern POINT = Pattern.compile("(ok|not ok) (\\d+) - [^#]*");
  private static final Pattern YAML_LINE =
      Pattern.compile("  (---|\\.\\.\\.|[ -]*[A-Za-z]+:( .*)?| +- \".*\")");

  @Test
  void tapFollowsTheVersion13Grammar() throws Exception {
    List<String> lines = render("tap").lines().toList();
    assertEquals("TAP version 13", lines.get(0));
    var plan = PLAN.matcher(lines.get(1));
    assertTrue(plan.matches(), lines.get(1));
    int points = 0;
    boolean inYaml = false;
    for (String line : lines.subList(2, lines.size())) {
      if (inYaml) {
        assertTrue(YAML_LINE.matcher(line).matches(), "YAML line: " + line);
        inYaml = !line.equals("  ...");
        continue;
      }
      if (line.equals("  ---")) {
        inYaml = true;
        continue;
      }
      var m = POINT.matcher(line);
      assertTrue(m.matches(), "test point: " + line);
      points++;
      assertEquals(points, Integer.parseInt(m.group(2)));
    }
    assertFalse(inYaml, "unterminated YAML block");
    assertEquals(Integer.parseInt(plan.group(1)), points);
    assertTrue(lines.contains("not ok 1 - bundles/bad (bundle)"));
    assertTrue(lines.contains("ok 2 - ok/config.json (runtime-config)"));
    assertTrue(lines.contains("      ruleId: \"process.cwd.absolute\""));
    assertTrue(
        lines.stream().anyMatch(l -> l.contains("with\\nnewline, tab\\t, \\u0001 and # hash\"")));
  }
}
