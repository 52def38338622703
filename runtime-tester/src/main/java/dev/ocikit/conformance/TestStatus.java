package dev.ocikit.conformance;

/** Outcome of one test against one runtime. */
public enum TestStatus {
  /** The runtime did what the spec sentence requires. */
  PASS,
  /** The runtime did not, and this was not listed as an expected failure. */
  FAIL,
  /** The test could not be judged (reason given), e.g. the runtime cannot run on this host. */
  SKIP,
  /** The runtime failed, as the expected-failures file says it does. */
  XFAIL,
  /** Listed as an expected failure but passed: the entry is stale. */
  XPASS;

  /** {@return true for outcomes that should fail a CI run: only unexpected failures} */
  public boolean isUnexpectedFailure() {
    return this == FAIL;
  }
}
