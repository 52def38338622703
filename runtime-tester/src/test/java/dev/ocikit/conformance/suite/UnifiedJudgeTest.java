package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ocikit.conformance.suite.Verdict.Outcome;
import org.junit.jupiter.api.Test;

/** The unified judges: the file holds the value verbatim; the controller key fits the host. */
class UnifiedJudgeTest {
  @Test
  void theFileMustHoldTheValueVerbatim() {
    assertEquals(Outcome.PASS, UnifiedTests.judge("7", "7").outcome());
    assertEquals(Outcome.FAIL, UnifiedTests.judge("7", "max").outcome());
    assertEquals(
        Outcome.FAIL,
        UnifiedTests.judge("7", "<unreadable /sys/fs/cgroup/x/cgroup.max.descendants>").outcome());
  }

  @Test
  void theControllerKeyIsOneTheHierarchyOffers() {
    assertArrayEquals(
        new String[] {"memory.high", "67108864"}, UnifiedTests.controllerKey("cpu memory pids"));
    assertArrayEquals(new String[] {"pids.max", "23"}, UnifiedTests.controllerKey("cpu pids"));
    assertNull(UnifiedTests.controllerKey("cpu io"));
    assertNull(UnifiedTests.controllerKey(""));
  }
}
