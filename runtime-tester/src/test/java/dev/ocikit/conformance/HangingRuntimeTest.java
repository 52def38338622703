package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runtime whose start never returns: the test times out, its process tree dies, no leaks. */
class HangingRuntimeTest {
  @TempDir Path tmp;

  @Test
  void hangingStartIsBoundedAndCleanedUp() throws Exception {
    HostRuntimes.assumeRootAndRunc();
    Path fake = tmp.resolve("hanging");
    Files.writeString(
        fake,
        "#!/bin/sh\n"
            + "if [ \"$1\" = start ]; then /bin/busybox sleep 300; fi\n"
            + "exec "
            + HostRuntimes.RUNC
            + " \"$@\"\n");
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    long t0 = System.nanoTime();
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(fake)
                .withOnly("^lifecycle\\.start-status-running$")
                .withTestTimeout(Duration.ofSeconds(2)));
    long ms = (System.nanoTime() - t0) / 1_000_000;
    TestResult r = report.result("lifecycle.start-status-running", "hanging");
    // The smoke probe's start hangs too, so the runtime is judged unusable: a skip, not a hang.
    assertTrue(r.status() == TestStatus.SKIP || r.status() == TestStatus.FAIL, r.toString());
    assertTrue(ms < 20_000, "bounded, took " + ms + " ms");
    assertEquals(java.util.List.of(), report.leaks());
    boolean sleeperLeft =
        ProcessHandle.allProcesses()
            .anyMatch(p -> p.info().commandLine().orElse("").contains("busybox sleep 300"));
    assertTrue(!sleeperLeft, "the hung runtime's process tree was killed");
  }
}
