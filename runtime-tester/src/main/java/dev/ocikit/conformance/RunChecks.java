package dev.ocikit.conformance;

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
    long skipped = results.stream().filter(r -> r.status() == TestStatus.SKIP).count();
    if (skipped * 2 > results.size()) {
      problems.add(
          new RunProblem(
              runtime,
              RunProblem.Check.MOSTLY_SKIPPED,
              skipped + " of " + results.size() + " selected tests were skipped, more than half",
              acceptMostlySkipped));
    }
    return problems;
  }
}
