package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.conformance.suite.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** The process-field judges: complying behaviour passes, each violation fails. */
class ProcessFieldJudgeTest {
  @Test
  void startWithoutProcessMustFailAndLeaveNothingRunning() {
    assertEquals(
        Outcome.PASS,
        ProcessFieldTests.judgeStartWithoutProcess(false, "exit 1", "created").outcome());
    assertEquals(
        Outcome.FAIL,
        ProcessFieldTests.judgeStartWithoutProcess(true, "exit 0", "stopped").outcome());
    assertEquals(
        Outcome.FAIL,
        ProcessFieldTests.judgeStartWithoutProcess(false, "exit 1", "running").outcome());
  }

  @Test
  void consoleSizeWithoutTerminalMustBeIgnored() {
    assertEquals(Outcome.PASS, ProcessFieldTests.judgeConsole(true, "", "none").outcome());
    assertEquals(Outcome.FAIL, ProcessFieldTests.judgeConsole(true, "", "tty").outcome());
    assertEquals(Outcome.FAIL, ProcessFieldTests.judgeConsole(true, "", "").outcome());
    assertEquals(
        Outcome.FAIL, ProcessFieldTests.judgeConsole(false, "create: exit 1", "").outcome());
  }

  @Test
  void anUnknownCapabilityMustBeNamedInTheOutput() {
    assertEquals(
        Outcome.PASS,
        ProcessFieldTests.judgeCapabilityWarning(
                "level=warning msg=\"ignoring unknown or unavailable capabilities: [CAP_OCIKIT_BOGUS]\"")
            .outcome());
    assertEquals(
        Outcome.PASS,
        ProcessFieldTests.judgeCapabilityWarning("unknown cap: ocikit_bogus").outcome());
    assertEquals(Outcome.FAIL, ProcessFieldTests.judgeCapabilityWarning("").outcome());
    assertEquals(
        Outcome.FAIL, ProcessFieldTests.judgeCapabilityWarning("warning: CAP_KILL").outcome());
  }
}
