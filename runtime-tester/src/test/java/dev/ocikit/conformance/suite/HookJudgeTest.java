package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judges of {@link HookRun} (when, in which order, with what stdin and env and in which
 * namespaces each hook phase runs), run as the suite runs them against {@link ScriptedRuntime},
 * whose hooks run on the host: a runtime running every hook where and when the spec says must pass
 * every one, and one that breaks exactly what a test checks must fail it with the broken value in
 * the verdict while the other judges of the same run pass.
 *
 * <p>Hooks that run "in the container namespace" need a container with namespaces of its own: the
 * scripted runtime unshares mount, uts and ipc namespaces for it (inside a user namespace when not
 * root) and enters them with nsenter. On a host that allows no new namespaces these are skipped.
 */
class HookJudgeTest {
  @TempDir Path tmp;

  static Stream<HookViolation> violations() {
    return in(HookViolation.Group.HOOK_RUN);
  }

  /** The table's violations of {@code group}. */
  static Stream<HookViolation> in(HookViolation.Group group) {
    return HookViolation.ALL.values().stream().filter(h -> h.group() == group);
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assertAllPass(violations().toList(), tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedBehaviourFailsThatTestAlone(HookViolation violation)
      throws Exception {
    assertCaught(violation, tmp);
  }

  /** Runs each test's judge against one complying scripted runtime: every one must pass. */
  static void assertAllPass(List<HookViolation> tests, Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null, dir);
    List<String> wrong = new ArrayList<>();
    try {
      for (HookViolation h : tests) {
        if (h.unavailable() != null) {
          continue;
        }
        Verdict v = ObservationJudgeTest.test(h.testId()).body().run(ctx);
        if (v.outcome() != Verdict.Outcome.PASS) {
          wrong.add(h.testId() + ": " + v);
        }
      }
    } finally {
      ctx.cleanup();
    }
    assertEquals(List.of(), wrong);
  }

  /**
   * Runs the test's judge against a scripted runtime breaking what it checks: it must fail naming
   * the broken value, and the judges of the same run must pass (but the declared overlaps).
   */
  static void assertCaught(HookViolation violation, Path dir) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    String why = violation.unavailable();
    assumeTrue(why == null, why);
    Context ctx = context(violation.testId(), dir);
    try {
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertTrue(
          v.actual().contains(violation.evidence()),
          "the verdict names " + violation.evidence() + ": " + v.actual());
      if (!violation.sharesItsRun()) {
        return;
      }
      Set<String> alsoFailing = new TreeSet<>();
      for (HookViolation other : in(violation.group()).toList()) {
        if (!other.testId().equals(violation.testId())
            && ObservationJudgeTest.test(other.testId()).body().run(ctx).outcome()
                != Verdict.Outcome.PASS) {
          alsoFailing.add(other.testId());
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

  private static Context context(String violation, Path dir) throws Exception {
    return ScriptedRuntime.context(dir, violation);
  }
}
