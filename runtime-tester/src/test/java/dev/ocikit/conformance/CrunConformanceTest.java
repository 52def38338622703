package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole suite against the host's crun 1.8.1, which on this hybrid host only runs with the
 * harness's adaptation (a private mount namespace without the unified hierarchy).
 */
class CrunConformanceTest {
  @Test
  void wholeSuiteAgainstCrun() throws Exception {
    assumeTrue(
        HostRuntimes.isRoot()
            && Files.isExecutable(HostRuntimes.CRUN)
            && Files.isExecutable(Path.of("/bin/busybox")),
        "needs root, crun at " + HostRuntimes.CRUN + " and a static busybox");
    ConformanceReport report =
        MatrixRuns.wholeSuite(RuntimeCommand.of(HostRuntimes.CRUN), HostRuntimes.CRUN_XFAILS);
    RuntimeInfo info = report.info("crun");
    assertEquals("1.0.0", info.ociVersion(), info.ociVersionSource());
    if (Files.isDirectory(Path.of("/sys/fs/cgroup/unified"))) {
      assertEquals(1, info.adaptations().size(), "" + info.adaptations());
    }
    assertEquals(List.of(), report.leaks());
  }
}
