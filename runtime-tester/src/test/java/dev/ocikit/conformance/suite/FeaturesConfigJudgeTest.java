package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.conformance.suite.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What `features` lists must be accepted; nothing listed is a skip, not a pass. */
class FeaturesConfigJudgeTest {
  @Test
  void listedValuesMustBeAccepted() {
    List<String> listed = List.of("SCMP_ACT_ALLOW", "SCMP_ACT_LOG");
    assertEquals(Outcome.PASS, FeaturesConfigTests.judge(listed, true, "").outcome());
    Verdict refused = FeaturesConfigTests.judge(listed, false, "exit 1: unknown action");
    assertEquals(Outcome.FAIL, refused.outcome());
    assertEquals("exit 1: unknown action", refused.actual());
    assertEquals(Outcome.SKIP, FeaturesConfigTests.judge(List.of(), true, "").outcome());
  }

  @Test
  void theUnusedSyscallsAreDistinct() {
    assertEquals(
        FeaturesConfigTests.UNUSED_SYSCALLS.size(),
        FeaturesConfigTests.UNUSED_SYSCALLS.stream().distinct().count());
  }

  @Test
  void onlyCapabilitiesInTheBoundingSetAreGranted() {
    // CAP_CHOWN is bit 0, CAP_KILL bit 5, CAP_SYS_RESOURCE bit 24.
    long bnd = (1L << 0) | (1L << 5);
    assertEquals(
        List.of("CAP_CHOWN", "CAP_KILL"),
        FeaturesConfigTests.grantable(
            List.of("CAP_CHOWN", "CAP_SYS_RESOURCE", "CAP_KILL", "CAP_OCIKIT_NEW"), bnd));
  }

  @Test
  void architecturesOfTheOtherByteOrderAreLeftOut() {
    List<String> listed = List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_S390X", "SCMP_ARCH_AARCH64");
    assertEquals(
        List.of("SCMP_ARCH_X86_64", "SCMP_ARCH_AARCH64"),
        FeaturesConfigTests.sameByteOrder(listed, true));
    assertEquals(List.of("SCMP_ARCH_S390X"), FeaturesConfigTests.sameByteOrder(listed, false));
  }
}
