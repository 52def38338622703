package dev.ocikit.conformance;

/**
 * Something wrong with a whole run against one runtime, beside the per-test results: the runtime
 * could not run a trivial container, most tests were skipped, or the run left something behind. A
 * problem fails the run unless the run's options accept it; a leak is accepted only by an
 * expected-failures entry {@code run.leak RUNTIME reason} naming the runtime's own known leak.
 *
 * @param runtime short name of the runtime
 * @param check which run-level check found it
 * @param message one line saying what was found
 * @param accepted whether the run's options accept it, so that it does not fail the run
 */
public record RunProblem(String runtime, Check check, String message, boolean accepted) {

  /** The run-level checks, each with a stable id used in every report format. */
  public enum Check {
    /** The smoke probe (create, start and state of a trivial container) failed. */
    SMOKE_PROBE("run.smoke-probe"),
    /** More than half of the selected tests were skipped. */
    MOSTLY_SKIPPED("run.mostly-skipped"),
    /** A container, process or cgroup of the run was still there after it. */
    LEAK("run.leak"),
    /** The leak check could not use the runtime's {@code list} and fell back to {@code state}. */
    LEAK_CHECK("run.leak-check");

    private final String id;

    Check(String id) {
      this.id = id;
    }

    /** {@return the stable id, e.g. {@code run.smoke-probe}} */
    public String id() {
      return id;
    }
  }

  /** {@return whether this problem fails the run} */
  public boolean failsRun() {
    return !accepted;
  }

  /** {@return {@code runtime: message}, with "(accepted)" when accepted: the line reports show} */
  public String line() {
    return runtime + ": " + message + (accepted ? " (accepted)" : "");
  }
}
