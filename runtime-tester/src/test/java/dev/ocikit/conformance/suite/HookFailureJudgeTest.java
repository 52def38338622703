package dev.ocikit.conformance.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judges that each make a container of their own, run against {@link ScriptedRuntime} as {@link
 * HookJudgeTest} runs the hook run's: a failing hook of each phase, a hook past its timeout, delete
 * beside a process whose namespaces the container joined and a bind-mounted host directory (skipped
 * without root: the helper makes pid and network namespaces), and start without a process.
 *
 * <p>A runtime ignoring the hook timeout keeps create busy until the driver stops the call (30 s),
 * so that case starts before the others and runs beside them.
 */
class HookFailureJudgeTest {
  private static final String TIMEOUT = "hooks.timeout-aborts";

  @TempDir static Path slowDir;
  @TempDir Path tmp;

  private static CompletableFuture<Void> timeoutCase;

  static Stream<HookViolation> violations() {
    return Stream.of(
            HookViolation.Group.FAILING_HOOK,
            HookViolation.Group.DELETE_FOREIGN,
            HookViolation.Group.NO_PROCESS)
        .flatMap(HookJudgeTest::in);
  }

  @BeforeAll
  static void startTheSlowCase() {
    timeoutCase =
        CompletableFuture.runAsync(
            () -> {
              try {
                HookJudgeTest.assertCaught(
                    HookViolation.ALL.get(TIMEOUT), Files.createDirectories(slowDir.resolve("t")));
              } catch (Exception e) {
                throw new CompletionException(e);
              }
            });
  }

  @AfterAll
  static void awaitTheSlowCase() {
    // Its containers and temp dir go when the class ends: let it finish first, whatever it found
    // (its own test reports that).
    timeoutCase.exceptionally(e -> null).join();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    HookJudgeTest.assertAllPass(violations().toList(), tmp);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedBehaviourFailsThatTestAlone(HookViolation violation)
      throws Exception {
    if (!violation.testId().equals(TIMEOUT)) {
      HookJudgeTest.assertCaught(violation, tmp);
      return;
    }
    try {
      timeoutCase.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof Error x) {
        throw x;
      }
      if (e.getCause() instanceof Exception x) {
        throw x;
      }
      throw e;
    }
  }
}
