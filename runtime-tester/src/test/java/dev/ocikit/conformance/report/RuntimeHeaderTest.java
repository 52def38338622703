package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every report format names each runtime's command, version, target and adaptations. */
class RuntimeHeaderTest {
  private static final RuntimeInfo GVISOR =
      new RuntimeInfo(
          "gvisor",
          List.of("/usr/bin/runsc", "--platform=ptrace", "--network=none"),
          "runsc version 0.0~20221219.0",
          "1.0.2",
          "no features command; --version says spec 1.0.2-dev",
          List.of());
  private static final RuntimeInfo CRUN =
      new RuntimeInfo(
          "crun",
          List.of("/usr/bin/crun"),
          "crun version 1.8.1",
          "1.0.0",
          "no features command; --version says spec 1.0.0",
          List.of("private mount namespace without /sys/fs/cgroup/unified"));

  private static ConformanceReport report() {
    TestResult r =
        new TestResult(
            "lifecycle.start-twice",
            "start twice fails",
            "runtime.md#start",
            "https://example/runtime.md#start",
            "MUST",
            "gvisor",
            TestStatus.PASS,
            "",
            "",
            "",
            1);
    return new ConformanceReport(List.of(GVISOR, CRUN), List.of(r), List.of(), 10);
  }

  @Test
  void textFormatsNameEveryRuntimeDetail() {
    for (Function<ConformanceReport, String> f :
        List.<Function<ConformanceReport, String>>of(
            TapReport::render, JunitXmlReport::render, HtmlMatrix::render)) {
      String text = f.apply(report());
      for (String want :
          List.of(
              "/usr/bin/runsc --platform=ptrace --network=none",
              "runsc version 0.0~20221219.0",
              "1.0.2",
              "crun version 1.8.1",
              "1.0.0",
              "private mount namespace without /sys/fs/cgroup/unified")) {
        assertTrue(text.contains(want), "missing '" + want + "' in\n" + text);
      }
    }
  }

  @Test
  void jsonHasOneObjectPerRuntime() {
    JsonNode root = JsonMapper.builder().build().readTree(JsonReport.render(report()));
    JsonNode g = root.path("runtimes").get(0);
    assertEquals("gvisor", g.path("name").asString());
    assertEquals("--platform=ptrace", g.path("command").get(1).asString());
    assertEquals("1.0.2", g.path("ociVersion").asString());
    assertEquals(0, g.path("adaptations").size());
    JsonNode c = root.path("runtimes").get(1);
    assertEquals(
        "private mount namespace without /sys/fs/cgroup/unified",
        c.path("adaptations").get(0).asString());
  }
}
