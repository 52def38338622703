package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.bundle.Rootless;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every entry of the rootless scope names registered tests, and only those it means. */
class RootlessScopeTest {
  @Test
  void everyPatternMatchesARegisteredTest() {
    List<String> ids = ConformanceRunner.testIds();
    for (String pattern : RootlessScope.BY_PATTERN.keySet()) {
      Pattern p = Pattern.compile(pattern);
      assertTrue(ids.stream().anyMatch(id -> p.matcher(id).find()), "matches no test: " + pattern);
    }
  }

  @Test
  void joinedAndInheritedNamespacesAreOutButFreshOnesStay() {
    Optional<String> joined = RootlessRuns.notApplicable("namespaces.ipc.joined");
    assertTrue(joined.orElseThrow().startsWith(Rootless.NOT_APPLICABLE), joined.toString());
    assertTrue(RootlessRuns.notApplicable("namespaces.uts.inherited").isPresent());
    assertEquals(Optional.empty(), RootlessRuns.notApplicable("lifecycle.start-twice"));
  }
}
