package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RuntimeInfo;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every report format shows each runtime's own wall time, not only the whole run's. */
class RuntimeWallTimeTest {
  /** The three-runtime sample with a distinct wall time per runtime: 12.3 s, 4.5 s and 67.8 s. */
  static ConformanceReport timed() {
    ConformanceReport sample = SampleReports.threeRuntimes();
    long[] millis = {12_345, 4_500, 67_800};
    List<RuntimeInfo> infos = sample.runtimeInfo();
    return new ConformanceReport(
        List.of(
            infos.get(0).withWallMillis(millis[0]),
            infos.get(1).withWallMillis(millis[1]),
            infos.get(2).withWallMillis(millis[2])),
        sample.results(),
        sample.problems(),
        sample.wallMillis());
  }

  @Test
  void jsonHasWallMillisPerRuntime() {
    JsonNode root = JsonMapper.builder().build().readTree(JsonReport.render(timed()));
    JsonNode runtimes = root.path("runtimes");
    assertEquals(12_345, runtimes.get(0).path("wallMillis").asLong());
    assertEquals(4_500, runtimes.get(1).path("wallMillis").asLong());
    assertEquals(67_800, runtimes.get(2).path("wallMillis").asLong());
    assertEquals(73_400, root.path("wallMillis").asLong());
  }

  @Test
  void junitSuiteTimeIsTheRuntimesWallTime() throws Exception {
    Element root =
        DocumentBuilderFactory.newInstance()
            .newDocumentBuilder()
            .parse(
                new ByteArrayInputStream(
                    JunitXmlReport.render(timed()).getBytes(StandardCharsets.UTF_8)))
            .getDocumentElement();
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(3, suites.getLength());
    assertEquals("12.345", ((Element) suites.item(0)).getAttribute("time"));
    assertEquals("4.5", ((Element) suites.item(1)).getAttribute("time"));
    assertEquals("67.8", ((Element) suites.item(2)).getAttribute("time"));
  }

  @Test
  void tapCommentsNameEachRuntimesWallTime() {
    String tap = TapReport.render(timed());
    int runc = tap.indexOf("# runtime runc:");
    int crun = tap.indexOf("# runtime crun:");
    int wall = tap.indexOf("#   wall time: 12345 ms");
    assertTrue(runc >= 0 && wall > runc && wall < crun, tap);
    assertTrue(tap.contains("#   wall time: 4500 ms"), tap);
    assertTrue(tap.contains("#   wall time: 67800 ms"), tap);
  }

  @Test
  void htmlHeaderOfEachRuntimeShowsItsWallTime() {
    String html = HtmlMatrix.render(timed());
    for (String want :
        List.of(
            "12.3 s wall time for this runtime",
            "4.5 s wall time for this runtime",
            "67.8 s wall time for this runtime")) {
      assertTrue(html.contains(want), "missing '" + want + "'");
    }
  }

  @Test
  void aNegativeWallTimeIsRefused() {
    RuntimeInfo runc = SampleReports.threeRuntimes().runtimeInfo().get(0);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> runc.withWallMillis(-1));
    assertEquals("wallMillis must be >= 0, got -1", e.getMessage());
  }
}
