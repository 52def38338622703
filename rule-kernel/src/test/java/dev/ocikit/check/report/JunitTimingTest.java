package dev.ocikit.check.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ocikit.check.ValidationReport;
import dev.ocikit.check.ValidationResult;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The run's start and duration in JUnit XML, as CI servers read them. */
class JunitTimingTest {
  private static final List<ValidationResult> RESULTS =
      List.of(
          new ValidationResult("a/config.json", "runtime-config", List.of()),
          new ValidationResult("b/config.json", "runtime-config", List.of()));

  private static Element root(ValidationReport report) throws Exception {
    StringWriter out = new StringWriter();
    new JunitReportFormat().write(report, out);
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(out.toString().getBytes(StandardCharsets.UTF_8)))
        .getDocumentElement();
  }

  @Test
  void aTimedRunCarriesTimeAndTimestamp() throws Exception {
    Instant start = Instant.parse("2026-03-04T05:06:07.891Z");
    Element root = root(new ValidationReport(RESULTS, start, Duration.ofMillis(1234)));
    assertEquals("1.234", root.getAttribute("time"));
    assertEquals("2026-03-04T05:06:07", root.getAttribute("timestamp"));
    NodeList suites = root.getElementsByTagName("testsuite");
    assertEquals(2, suites.getLength());
    for (int i = 0; i < suites.getLength(); i++) {
      assertEquals("2026-03-04T05:06:07", ((Element) suites.item(i)).getAttribute("timestamp"));
    }
  }

  @Test
  void anUntimedReportHasNoTimingAttributes() throws Exception {
    Element root = root(new ValidationReport(RESULTS));
    assertFalse(root.hasAttribute("time"));
    assertFalse(root.hasAttribute("timestamp"));
  }
}
