package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lifecycle, state, kill and delete judges, run through {@link Context} and the driver against
 * {@link ScriptedRuntime}, whose container process runs on the host without root: it must pass
 * every one, and fail the one test whose behaviour it is told to break.
 */
class LifecycleJudgeTest {
  @TempDir Path tmp;

  static Stream<LifecycleViolation> violations() {
    return LifecycleViolation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null);
    assertEquals(
        List.of(),
        JudgeRuns.misjudged(ctx, LifecycleViolation.ALL.keySet(), id -> Verdict.Outcome.PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedBehaviourFails(LifecycleViolation violation) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(violation.testId());
    try {
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertFalse(v.actual().isBlank(), "the verdict says what was seen: " + v);
      if (violation.evidence() != null) {
        assertTrue(
            v.actual().contains(violation.evidence()),
            "the verdict names " + violation.evidence() + ": " + v.actual());
      }
    } finally {
      ctx.cleanup();
    }
  }

  private Context context(String violation) throws Exception {
    return ScriptedRuntime.context(tmp, violation);
  }
}
