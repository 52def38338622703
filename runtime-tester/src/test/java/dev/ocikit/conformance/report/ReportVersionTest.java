package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.spec.OcikitVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The conformance reports name the toolkit's version and commit, as --version prints them. */
class ReportVersionTest {
  private static final ConformanceReport REPORT =
      new ConformanceReport(
          List.of(
              new dev.ocikit.conformance.RuntimeInfo(
                  "runc", List.of("runc"), "runc 1.1.5", "1.0.2", "features", List.of()),
              new dev.ocikit.conformance.RuntimeInfo(
                  "crun", List.of("crun"), "crun 1.8.1", "1.0.0", "--version", List.of())),
          List.of(),
          List.of(),
          12);

  @Test
  void jsonHasTheTool() {
    OcikitVersion build = OcikitVersion.build();
    assertNotEquals(OcikitVersion.UNKNOWN, build.version(), "the build filtered the version in");
    JsonNode tool = JsonMapper.builder().build().readTree(JsonReport.render(REPORT)).get("tool");
    assertEquals("ocikit", tool.get("name").asString());
    assertEquals(build.version(), tool.get("version").asString());
    assertEquals(build.commit(), tool.get("commit").asString());
  }

  @Test
  void everyJunitSuiteHasTheVersionProperties() throws Exception {
    String xml = JunitXmlReport.render(REPORT);
    NodeList suites =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
            .getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    for (int i = 0; i < suites.getLength(); i++) {
      NodeList props = ((Element) suites.item(i)).getElementsByTagName("property");
      assertTrue(props.getLength() >= 2, xml);
      assertEquals("ocikit.version", ((Element) props.item(0)).getAttribute("name"));
      assertEquals(
          OcikitVersion.build().version(), ((Element) props.item(0)).getAttribute("value"));
      assertEquals("ocikit.commit", ((Element) props.item(1)).getAttribute("name"));
      assertEquals(OcikitVersion.build().commit(), ((Element) props.item(1)).getAttribute("value"));
    }
  }
}
