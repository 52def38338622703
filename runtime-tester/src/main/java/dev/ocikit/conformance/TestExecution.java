package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.NotApplicable;
import dev.ocikit.conformance.suite.Context;
import dev.ocikit.conformance.suite.SpecTest;
import dev.ocikit.conformance.suite.Unmet;
import dev.ocikit.conformance.suite.Verdict;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs one test body with a watchdog and always cleans up its context. On timeout the worker thread
 * is interrupted: the driver then kills the runtime's process tree, and cleanup still runs.
 *
 * <p>Cleanup (force-deleting the test's containers, removing its directory) is handed to {@code
 * cleaner} once the verdict is in: it changes no verdict, and a runtime's delete can take over a
 * second (runsc's sandbox teardown is mostly waiting), time better spent running the next test. The
 * runner waits for every cleanup before its leak check, so nothing it deletes can be missed.
 */
final class TestExecution {
  private TestExecution() {}

  static TestResult run(
      SpecTest test,
      Context ctx,
      Duration timeout,
      ScheduledExecutorService watchdog,
      Cleanups cleaner,
      String unusableReason,
      ExpectedFailures xfails) {
    long t0 = System.nanoTime();
    Thread worker = Thread.currentThread();
    Object lock = new Object();
    boolean[] state = {false, false}; // {finished, timedOut}
    ScheduledFuture<?> dog =
        watchdog.schedule(
            () -> {
              synchronized (lock) {
                if (!state[0]) {
                  state[1] = true;
                  worker.interrupt();
                }
              }
            },
            timeout.toMillis(),
            TimeUnit.MILLISECONDS);
    Verdict v;
    try {
      String newer = SpecTargets.newerThanTarget(test.since(), ctx.ociVersion());
      String notRootless =
          ctx.rootless() == null ? null : RootlessRuns.notApplicable(test.id()).orElse(null);
      if (newer != null) {
        v = Verdict.skip(newer);
      } else if (notRootless != null) {
        v = Verdict.skip(notRootless);
      } else {
        v = test.body().run(ctx);
      }
    } catch (NotApplicable e) {
      v = Verdict.skip(e.getMessage());
    } catch (Unmet e) {
      v =
          unusableReason != null
              ? Verdict.skip("runtime cannot run a trivial container here: " + unusableReason)
              : Verdict.fail("preconditions hold", e.getMessage());
    } catch (Throwable e) {
      v = Verdict.fail("test runs to completion", "error: " + e);
    } finally {
      synchronized (lock) {
        state[0] = true;
      }
      dog.cancel(false);
      Thread.interrupted(); // clear a late watchdog interrupt
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    cleaner.submit(ctx::cleanup);
    if (state[1]) {
      v = Verdict.fail("finishes within " + timeout.toMillis() + " ms", "timed out");
    }
    return toResult(test, ctx.runtimeName(), v, ms, xfails);
  }

  /** The result of a test that was not run because the runtime is unusable: a skip. */
  static TestResult notRun(SpecTest test, String runtime, String why, ExpectedFailures xfails) {
    return toResult(test, runtime, Verdict.skip(why), 0, xfails);
  }

  /** The result of {@code v} under {@code xfails}, as a run would record it (for tests). */
  static TestResult judged(SpecTest t, String runtime, Verdict v, ExpectedFailures xfails) {
    return toResult(t, runtime, v, 0, xfails);
  }

  private static TestResult toResult(
      SpecTest t, String runtime, Verdict v, long ms, ExpectedFailures xfails) {
    String xfail = xfails.reason(t.id(), runtime).orElse(null);
    TestStatus status;
    String reason = v.reason();
    switch (v.outcome()) {
      case PASS ->
          status =
              xfail == null || ExpectedFailures.isIntermittent(xfail)
                  ? TestStatus.PASS
                  : TestStatus.XPASS;
      case FAIL -> status = xfail == null ? TestStatus.FAIL : TestStatus.XFAIL;
      default -> status = TestStatus.SKIP;
    }
    if (xfail != null && status != TestStatus.SKIP && status != TestStatus.PASS) {
      reason = xfail;
    }
    return new TestResult(
        t.id(),
        t.title(),
        t.section(),
        t.url(),
        t.level().name(),
        runtime,
        status,
        v.expected(),
        v.actual(),
        reason,
        ms);
  }
}
