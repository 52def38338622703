package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The whole suite against the host's gVisor runsc, with the global options it needs here. */
class RunscConformanceTest {
  @Test
  void wholeSuiteAgainstRunsc() throws Exception {
    assumeTrue(
        HostRuntimes.isRoot()
            && Files.isExecutable(HostRuntimes.RUNSC)
            && Files.isExecutable(Path.of("/bin/busybox")),
        "needs root, runsc at " + HostRuntimes.RUNSC + " and a static busybox");
    RuntimeCommand runsc =
        new RuntimeCommand(
            "runsc", HostRuntimes.RUNSC, List.of("--platform=ptrace", "--network=none"));
    ConformanceReport report = MatrixRuns.wholeSuite(runsc, HostRuntimes.RUNSC_XFAILS);
    RuntimeInfo info = report.info("runsc");
    assertEquals(
        List.of(HostRuntimes.RUNSC.toString(), "--platform=ptrace", "--network=none"),
        info.command());
    assertEquals("1.0.2", info.ociVersion(), info.ociVersionSource());
  }
}
