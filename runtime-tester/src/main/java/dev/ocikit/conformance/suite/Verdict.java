package dev.ocikit.conformance.suite;

/**
 * What one test concluded. A failure names both sides: what the spec (via the harness's own copy of
 * the config) expects, and what the runtime did.
 *
 * @param outcome pass, fail or skip
 * @param expected what the spec requires, for failures
 * @param actual what was observed, for failures
 * @param reason why a test was skipped, or extra context
 */
public record Verdict(Outcome outcome, String expected, String actual, String reason) {

  /** The three outcomes a test body can produce; expected failures are decided by the runner. */
  public enum Outcome {
    PASS,
    FAIL,
    SKIP
  }

  public static Verdict pass() {
    return new Verdict(Outcome.PASS, "", "", "");
  }

  public static Verdict fail(String expected, String actual) {
    return new Verdict(Outcome.FAIL, expected, actual, "");
  }

  public static Verdict skip(String reason) {
    return new Verdict(Outcome.SKIP, "", "", reason);
  }

  /** Pass when {@code ok}, otherwise a failure with both descriptions. */
  public static Verdict expect(boolean ok, String expected, String actual) {
    return ok ? pass() : fail(expected, actual);
  }

  /** {@return the first non-passing verdict, or pass: lets a test chain several checks} */
  public Verdict and(java.util.function.Supplier<Verdict> next) {
    return outcome == Outcome.PASS ? next.get() : this;
  }
}
