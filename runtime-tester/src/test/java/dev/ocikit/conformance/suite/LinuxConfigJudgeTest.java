package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.conformance.suite.Verdict.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The config-linux judges: a device outside /dev and the same cgroupsPath twice. */
class LinuxConfigJudgeTest {
  @Test
  void theDeviceOutsideDevMustBeTheConfiguredNode() {
    assertEquals(
        Outcome.PASS, LinuxConfigTests.judgeDevice("character special file 1:3 620").outcome());
    assertEquals(
        Outcome.FAIL, LinuxConfigTests.judgeDevice("character special file 1:5 620").outcome());
    assertEquals(
        Outcome.FAIL,
        LinuxConfigTests.judgeDevice("stat: can't stat '/ocikit-dev/null': No such file")
            .outcome());
  }

  @Test
  void theSameCgroupsPathMustGiveTheSameCgroups() {
    String first = "4:memory:/ocikit-consistent-a\n1:cpu:/ocikit-consistent-a\n0::/\n";
    assertEquals(List.of(), LinuxConfigTests.cgroupDifferences(first, first));
    String moved = "4:memory:/elsewhere/ocikit-consistent-a\n1:cpu:/ocikit-consistent-a\n0::/\n";
    assertEquals(
        List.of("memory: /ocikit-consistent-a -> /elsewhere/ocikit-consistent-a"),
        LinuxConfigTests.cgroupDifferences(first, moved));
    assertEquals(
        List.of("(v2): /a -> /b"), LinuxConfigTests.cgroupDifferences("0::/a\n", "0::/b\n"));
    assertEquals(1, LinuxConfigTests.cgroupDifferences("", "").size());
  }
}
