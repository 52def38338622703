package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import dev.ocikit.validate.schema.VersionCheck;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The registry is complete and well-formed; expected-failure files name only real tests. */
class RegistryTest {
  @Test
  void idsAreUniqueSortedAndMetadataComplete() {
    List<SpecTest> all = Registry.all();
    Set<String> ids = new HashSet<>();
    String previous = "";
    for (SpecTest t : all) {
      assertTrue(ids.add(t.id()), "duplicate id " + t.id());
      assertTrue(t.id().compareTo(previous) > 0, "unsorted at " + t.id());
      previous = t.id();
      assertTrue(t.id().matches("[a-z]+(\\.[a-zA-Z0-9-]+)*"), "id shape: " + t.id());
      assertTrue(!t.title().isBlank() && t.level() != null && t.body() != null, t.id());
      // Every test names the release that introduced what it checks, one the suite knows.
      VersionCheck.requireSupported(t.since(), t.id() + " since");
      assertTrue(
          t.url()
              .matches(
                  "https://github\\.com/opencontainers/runtime-spec/blob/v1\\.3\\.0/"
                      + "[a-z-]+\\.md#[a-z0-9-]+"),
          t.url());
    }
    assertTrue(all.size() >= 40, "at least 40 tests, have " + all.size());
  }

  @Test
  void testsOfNewerPropertiesDeclareTheirRelease() {
    // Spot checks against runtime-spec's ChangeLog: #1008 (1.0.2), #1151 (1.1.0), #1262 (1.3.0).
    assertEquals("1.0.2", since("hooks.createRuntime-runs-at-create"));
    assertEquals("1.1.0", since("namespaces.time.offsets"));
    assertEquals("1.3.0", since("hooks.poststart-failure-errors"));
    assertEquals("1.0.0", since("lifecycle.start-twice"));
  }

  private static String since(String id) {
    return Registry.all().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow().since();
  }

  @Test
  void expectedFailuresNameRegisteredTests() throws Exception {
    List<String> ids = ConformanceRunner.testIds();
    for (var file : HostRuntimes.ALL_XFAILS) {
      for (String line : Files.readAllLines(file)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String id = line.split("\\s+")[0];
        assertTrue(
            ids.contains(id) || id.equals(RunProblem.Check.LEAK.id()),
            file + ": stale entry " + id);
        assertTrue(line.contains("https://"), file + ": entry without a link: " + id);
      }
    }
    ExpectedFailures x = ExpectedFailures.read(HostRuntimes.RUNC_XFAILS);
    assertTrue(x.reason("hooks.order", "runc").isPresent());
  }

  @Test
  void expectedFailuresFormat() {
    ExpectedFailures x =
        ExpectedFailures.parse(
            List.of("# comment", "", "a.b  runc  why: https://x", "c.d * any runtime"), "t");
    assertEquals("why: https://x", x.reason("a.b", "runc").orElseThrow());
    assertTrue(x.reason("a.b", "crun").isEmpty());
    assertEquals("any runtime", x.reason("c.d", "crun").orElseThrow());
    assertThrows(
        IllegalArgumentException.class, () -> ExpectedFailures.parse(List.of("a.b runc"), "t"));
  }
}
