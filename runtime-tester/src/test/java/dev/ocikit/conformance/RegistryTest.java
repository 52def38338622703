package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
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
  void expectedFailuresNameRegisteredTests() throws Exception {
    List<String> ids = ConformanceRunner.testIds();
    for (String line : Files.readAllLines(HostRuntimes.RUNC_XFAILS)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String id = line.split("\\s+")[0];
      assertTrue(ids.contains(id), "stale entry " + id);
      assertTrue(line.contains("https://"), "entry without a link: " + id);
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
