package dev.ocikit.cli.conformance;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RunProblem;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.io.PrintWriter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The short per-runtime summary printed on standard error after a run: counts, then one line per
 * run-level problem naming its check id and, when it fails the run but may be allowed, the option.
 */
final class Summary {
  private Summary() {}

  /**
   * Prints the summary under {@code command}'s name; {@code quiet} keeps only the run-level
   * problems (they are findings, not information).
   */
  static void print(ConformanceReport report, PrintWriter err, String command, boolean quiet) {
    if (!quiet) {
      counts(report, err, command);
    }
    for (RunProblem p : report.problems()) {
      String option = TrustOptions.accepting(p.check());
      err.println(
          command
              + ": "
              + p.check().id()
              + " "
              + p.line()
              + (option == null || p.accepted() ? "" : " (allow with " + option + ")"));
    }
    if (!quiet) {
      err.printf(
          command + ": %d checks in %.1f s%n",
          report.results().size(),
          report.wallMillis() / 1000.0);
    }
    err.flush();
  }

  private static void counts(ConformanceReport report, PrintWriter err, String command) {
    for (RuntimeInfo i : report.runtimeInfo()) {
      err.printf(
          command + ": %s is `%s` (%s), targeted at runtime-spec %s (%s)%s%n",
          i.name(),
          i.commandLine(),
          i.version(),
          i.ociVersion(),
          i.ociVersionSource(),
          i.adaptations().isEmpty()
              ? ""
              : "; host adaptations: " + String.join("; ", i.adaptations()));
    }
    for (RuntimeInfo i : report.runtimeInfo()) {
      String runtime = i.name();
      Map<TestStatus, Integer> n = new EnumMap<>(TestStatus.class);
      for (TestResult r : report.results()) {
        if (r.runtime().equals(runtime)) {
          n.merge(r.status(), 1, Integer::sum);
        }
      }
      err.printf(
          command + ": %s: %d pass, %d fail, %d xfail, %d xpass, %d skip in %.1f s%n",
          runtime,
          n.getOrDefault(TestStatus.PASS, 0),
          n.getOrDefault(TestStatus.FAIL, 0),
          n.getOrDefault(TestStatus.XFAIL, 0),
          n.getOrDefault(TestStatus.XPASS, 0),
          n.getOrDefault(TestStatus.SKIP, 0),
          i.wallMillis() / 1000.0);
    }
  }
}
