package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import dev.ocikit.conformance.suite.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An intermittent entry turns a failure into XFAIL and leaves a pass a PASS, not a stale XPASS. */
class IntermittentEntryTest {
  private static final SpecTest TEST = Registry.all().get(0);

  private static ExpectedFailures entry(String reason) {
    return ExpectedFailures.parse(List.of(TEST.id() + "  rt  " + reason), "t");
  }

  @Test
  void anIntermittentEntryKeepsAPassAPass() {
    ExpectedFailures x = entry("intermittent: hangs sometimes (https://x)");
    assertEquals(TestStatus.PASS, TestExecution.judged(TEST, "rt", Verdict.pass(), x).status());
    assertEquals(
        TestStatus.XFAIL, TestExecution.judged(TEST, "rt", Verdict.fail("e", "a"), x).status());
  }

  @Test
  void aPlainEntryMakesAPassStale() {
    ExpectedFailures x = entry("always fails (https://x)");
    assertEquals(TestStatus.XPASS, TestExecution.judged(TEST, "rt", Verdict.pass(), x).status());
    assertEquals(
        TestStatus.XFAIL, TestExecution.judged(TEST, "rt", Verdict.fail("e", "a"), x).status());
  }
}
