package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The conformance JUnit XML carries the run's start and every suite's time; a report without the
 * runtimes' wall times falls back to the sum of their tests' times.
 */
class JunitTimingTest {
  private static Element root(ConformanceReport report) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new ByteArrayInputStream(
                JunitXmlReport.render(report).getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  @Test
  void suitesCarryTimeAndTimestampWithoutRuntimeWallTimes() throws Exception {
    ConformanceReport sample = SampleReports.threeRuntimes();
    Instant start = Instant.parse("2026-12-07T17:00:09.5Z");
    ConformanceReport timed =
        new ConformanceReport(
            sample.runtimeInfo(), sample.results(), sample.problems(), sample.wallMillis(), start);
    Element root = root(timed);
    assertEquals("2026-12-07T17:00:09", root.getAttribute("timestamp"));
    assertEquals(String.valueOf(sample.wallMillis() / 1000.0), root.getAttribute("time"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertTrue(suites.getLength() > 0);
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      assertEquals("2026-12-07T17:00:09", suite.getAttribute("timestamp"));
      double sum = 0;
      NodeList cases = suite.getElementsByTagName("testcase");
      for (int j = 0; j < cases.getLength(); j++) {
        String t = ((Element) cases.item(j)).getAttribute("time");
        sum += t.isEmpty() ? 0 : Double.parseDouble(t);
      }
      assertEquals(sum, Double.parseDouble(suite.getAttribute("time")), 0.0005);
    }
  }

  @Test
  void aReportWithoutItsStartHasNoTimestamp() throws Exception {
    assertFalse(root(SampleReports.threeRuntimes()).hasAttribute("timestamp"));
  }
}
