package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judges of the tests that read an observer's report, each run as the suite runs it (body,
 * {@link Context}, driver) against {@link ScriptedRuntime}, without root: a runtime that applies
 * the config must pass every one, and one that breaks exactly the property a test checks must fail
 * that test with the broken value in the verdict.
 */
class ObservationJudgeTest {
  @TempDir Path tmp;

  static Stream<Violation> violations() {
    return Violation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null);
    try {
      RootObservation root = SeededRootObservation.seed(ctx, null);
      List<String> wrong = new ArrayList<>();
      for (String id : Violation.ALL.keySet()) {
        Verdict v = test(id).body().run(ctx);
        Verdict.Outcome want = skipped(root, id) ? Verdict.Outcome.SKIP : Verdict.Outcome.PASS;
        if (v.outcome() != want) {
          wrong.add(id + ": " + v);
        }
      }
      assertEquals(List.of(), wrong);
    } finally {
      ctx.cleanup();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedPropertyFailsThatTestAlone(Violation violation) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(violation);
    try {
      RootObservation root = SeededRootObservation.seed(ctx, violation);
      assumeTrue(
          !skipped(root, violation.testId()),
          () -> "this host leaves no rlimit value to judge: " + root.rlimitSkips());
      Verdict v = test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertTrue(
          v.actual().contains(violation.evidence()),
          "the verdict names the broken value " + violation.evidence() + ": " + v.actual());
      // One property broken, one test failing: the other judges are not fooled either way.
      Set<String> alsoFailing = new TreeSet<>();
      for (String id : Violation.ALL.keySet()) {
        if (!id.equals(violation.testId())
            && !skipped(root, id)
            && test(id).body().run(ctx).outcome() != Verdict.Outcome.PASS) {
          alsoFailing.add(id);
        }
      }
      assertEquals(
          new TreeSet<>(violation.alsoFailing()),
          alsoFailing,
          "only " + violation.testId() + " and its declared overlaps should fail");
    } finally {
      ctx.cleanup();
    }
  }

  private Context context(Violation violation) throws Exception {
    return ScriptedRuntime.context(tmp, violation == null ? null : violation.testId());
  }

  /** An rlimit test has nothing to judge when the host leaves no value that differs. */
  private static boolean skipped(RootObservation root, String id) {
    for (Map.Entry<String, String> e : root.rlimitSkips().entrySet()) {
      if (id.equals("process.rlimits." + e.getKey().substring(7).toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  static SpecTest test(String id) {
    return Registry.all().stream()
        .filter(t -> t.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no registered test " + id));
  }
}
