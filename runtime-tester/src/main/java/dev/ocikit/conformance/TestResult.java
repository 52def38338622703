package dev.ocikit.conformance;

/**
 * The result of one conformance test against one runtime.
 *
 * @param testId stable test id, e.g. {@code lifecycle.start-twice}
 * @param title one sentence saying what was checked
 * @param section spec document and anchor, e.g. {@code runtime.md#start}
 * @param specUrl link to the spec sentence at runtime-spec v1.3.0
 * @param level RFC 2119 level of that sentence: MUST, SHOULD or MAY
 * @param runtime short name of the runtime under test
 * @param status the outcome
 * @param expected for failures: what the spec requires
 * @param actual for failures: what the runtime did
 * @param reason skip reason, or the expected-failure reason for XFAIL/XPASS
 * @param millis wall time of the test
 */
public record TestResult(
    String testId,
    String title,
    String section,
    String specUrl,
    String level,
    String runtime,
    TestStatus status,
    String expected,
    String actual,
    String reason,
    long millis) {
  /**
   * {@return the ids of the spec requirements this test checks (docs/spec-coverage.md), in catalog
   * order; empty when no requirement cites it}
   */
  public java.util.List<String> requirements() {
    return dev.ocikit.spec.requirement.RequirementCatalog.shipped().forTest(testId);
  }
}
