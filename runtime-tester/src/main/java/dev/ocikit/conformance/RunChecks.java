package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.Rootless;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The run-level verdicts beside the per-test ones: a runtime that cannot run a trivial container,
 * or a run that skipped most of what was asked, has not shown conformance, so neither is green
 * unless the user accepts it.
 *
 * <p>The skip rule counts every skip, whatever its reason: a skip's reason is free text, the
 * harness cannot always tell a host that lacks something from a runtime that refused it, and a run
 * that judged less than half of the selected tests proves little either way. When the smoke probe
 * failed, its problem stands for the skips it caused, so that one cause is reported once.
 *
 * <p>One kind of skip is not counted: a rootless run's "not applicable rootless" skips. The user
 * chose that mode, no runtime could run those tests in it, and counting them would fail every
 * rootless run for the mode rather than for the host or the runtime; the problem's message still
 * says how many there were. The rule then applies to the tests that remain.
 */
final class RunChecks {
  private RunChecks() {}

  static List<RunProblem> judge(
      String runtime,
      Optional<SmokeProbe.Failure> smoke,
      List<TestResult> results,
      boolean acceptUnusable,
      boolean acceptMostlySkipped) {
    List<RunProblem> problems = new ArrayList<>();
    if (smoke.isPresent()) {
      problems.add(
          new RunProblem(
              runtime,
              RunProblem.Check.SMOKE_PROBE,
              "cannot run a trivial container: "
                  + smoke.get().reason()
                  + (smoke.get().stopped()
                      ? "; no test was run"
                      : "; tests that need a container were skipped"),
              acceptUnusable));
      return problems;
    }
    long notApplicable = results.stream().filter(RunChecks::notApplicable).count();
    long applicable = results.size() - notApplicable;
    long skipped =
        results.stream().filter(r -> r.status() == TestStatus.SKIP).count() - notApplicable;
    if (skipped * 2 > applicable || (applicable == 0 && !results.isEmpty())) {
      problems.add(
          new RunProblem(
              runtime,
              RunProblem.Check.MOSTLY_SKIPPED,
              skipped
                  + " of "
                  + applicable
                  + " selected tests were skipped, more than half"
                  + (notApplicable == 0
                      ? ""
                      : " (" + notApplicable + " more not applicable rootless, not counted)"),
              acceptMostlySkipped));
    }
    return problems;
  }

  /** A skip of the rootless mode's own: the user chose a mode in which it cannot run. */
  private static boolean notApplicable(TestResult r) {
    return r.status() == TestStatus.SKIP
        && r.reason() != null
        && r.reason().startsWith(Rootless.NOT_APPLICABLE);
  }
}
