package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import dev.ocikit.spec.requirement.RequirementCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every conformance report format names the requirements a failed test checks. */
class RequirementIdsTest {
  private static final String TEST = "cgroups.blkio-weight";

  private static final ConformanceReport REPORT =
      new ConformanceReport(
          List.of(
              new dev.ocikit.conformance.RuntimeInfo(
                  "runc", List.of("runc"), "runc 1.1.5", "1.0.2", "features", List.of())),
          List.of(
              new TestResult(
                  TEST,
                  "blockIO.weight is the cgroup's blkio weight",
                  "config-linux.md#block-io",
                  "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config-linux.md#block-io",
                  "MUST",
                  "runc",
                  TestStatus.FAIL,
                  "weight 500",
                  "weight 100",
                  "",
                  12)),
          List.of(),
          40);

  @Test
  void everyFormatCarriesTheRequirementIds() {
    List<String> ids = RequirementCatalog.shipped().forTest(TEST);
    assertTrue(!ids.isEmpty(), TEST + " cites no requirement in requirements/");
    String id = ids.get(0);
    assertTrue(JsonReport.render(REPORT).contains("\"requirements\" : [ \"" + id + "\""));
    assertTrue(TapReport.render(REPORT).contains("  requirements:\n    - '" + id + "'\n"));
    assertTrue(
        JunitXmlReport.render(REPORT)
            .contains("<property name=\"requirement\" value=\"" + id + "\"/>"));
    assertTrue(HtmlMatrix.render(REPORT).contains(id));
  }
}
