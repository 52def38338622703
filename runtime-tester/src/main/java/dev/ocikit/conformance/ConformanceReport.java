package dev.ocikit.conformance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything one conformance run found: a result per test and runtime, problems of the run as a
 * whole (an unusable runtime, mostly skipped tests, leftovers), and the wall time.
 *
 * @param runtimeInfo each runtime's name, command, version, targeted spec version and host
 *     adaptations, in the order given
 * @param results one result per test and runtime, grouped by runtime then sorted by test id
 * @param problems run-level problems, in runtime order
 * @param wallMillis wall time of the whole run, in milliseconds
 * @param startedAt when the run started, or null when not recorded
 */
public record ConformanceReport(
    List<RuntimeInfo> runtimeInfo,
    List<TestResult> results,
    List<RunProblem> problems,
    long wallMillis,
    Instant startedAt) {

  /**
   * Copies the lists, so that a report cannot change after it is made.
   *
   * @param runtimeInfo what the report says about each runtime, in the order given
   * @param results one result per test and runtime, grouped by runtime then sorted by test id
   * @param problems run-level problems, in runtime order
   * @param wallMillis wall time of the whole run, in milliseconds
   * @param startedAt when the run started, or null when not recorded
   * @throws NullPointerException when a list is null or holds null
   */
  public ConformanceReport {
    runtimeInfo = List.copyOf(runtimeInfo);
    results = List.copyOf(results);
    problems = List.copyOf(problems);
  }

  /**
   * A report without its start time.
   *
   * @param runtimeInfo what the report says about each runtime, in the order given
   * @param results one result per test and runtime, grouped by runtime then sorted by test id
   * @param problems run-level problems, in runtime order
   * @param wallMillis wall time of the whole run, in milliseconds
   * @throws NullPointerException when a list is null or holds null
   */
  public ConformanceReport(
      List<RuntimeInfo> runtimeInfo,
      List<TestResult> results,
      List<RunProblem> problems,
      long wallMillis) {
    this(runtimeInfo, results, problems, wallMillis, null);
  }

  /** {@return the short runtime names, in the order given} */
  public List<String> runtimes() {
    return runtimeInfo.stream().map(RuntimeInfo::name).toList();
  }

  /**
   * {@return what the report says about {@code runtime}; null when it was not part of the run}
   *
   * @param runtime a runtime's short name, as {@link RuntimeInfo#name()} gives it
   */
  public RuntimeInfo info(String runtime) {
    return runtimeInfo.stream().filter(i -> i.name().equals(runtime)).findFirst().orElse(null);
  }

  /** {@return the results with status FAIL: what a CI run should fail on} */
  public List<TestResult> unexpectedFailures() {
    return results.stream().filter(r -> r.status().isUnexpectedFailure()).toList();
  }

  /**
   * {@return the containers, processes or cgroups of this run that survived its cleanup, one line
   * each naming the runtime (should be empty)}
   */
  public List<String> leaks() {
    return problems.stream()
        .filter(p -> p.check() == RunProblem.Check.LEAK)
        .map(RunProblem::line)
        .toList();
  }

  /** {@return true when nothing failed unexpectedly and every run-level problem was accepted} */
  public boolean passed() {
    return unexpectedFailures().isEmpty() && problems.stream().noneMatch(RunProblem::failsRun);
  }

  /** {@return how many results have each status} */
  public Map<TestStatus, Long> counts() {
    Map<TestStatus, Long> m = new TreeMap<>();
    for (TestStatus s : TestStatus.values()) {
      m.put(s, results.stream().filter(r -> r.status() == s).count());
    }
    return m;
  }

  /**
   * {@return the result of {@code testId} on {@code runtime}, or null when there is none}
   *
   * @param testId a conformance test id, e.g. {@code lifecycle.start-twice}
   * @param runtime a runtime's short name, as {@link RuntimeInfo#name()} gives it
   */
  public TestResult result(String testId, String runtime) {
    return results.stream()
        .filter(r -> r.testId().equals(testId) && r.runtime().equals(runtime))
        .findFirst()
        .orElse(null);
  }
}
