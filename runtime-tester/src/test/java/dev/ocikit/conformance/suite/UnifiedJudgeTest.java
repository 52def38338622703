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
        new String[] {"memory.high", "67108864"},
        UnifiedTests.controllerKey("cpu memory pids", true));
    assertArrayEquals(
        new String[] {"pids.max", "23"}, UnifiedTests.controllerKey("cpu pids", true));
    assertNull(UnifiedTests.controllerKey("cpu io", true));
    assertArrayEquals(
        new String[] {"hugetlb.2MB.rsvd.max", "2097152"},
        UnifiedTests.controllerKey("cpu hugetlb", true));
    assertNull(UnifiedTests.controllerKey("cpu hugetlb", false));
    assertNull(UnifiedTests.controllerKey("", true));
  }
}
