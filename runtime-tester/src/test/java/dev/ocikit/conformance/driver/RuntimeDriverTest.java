package dev.ocikit.conformance.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The driver against hostile runtimes: each "runtime" here is a small shell script that floods
 * stdout or stderr, hangs, or hangs after starting a child that escapes its process tree. A hostile
 * runtime is exactly what the driver must withstand, so these scripts are the thing under test, not
 * stand-ins for a real runtime; no root is needed.
 */
class RuntimeDriverTest {
  private static final long LIMIT = 64 * 1024;

  @TempDir Path tmp;

  private RuntimeDriver driver(String body, Duration timeout) throws IOException {
    Path script = tmp.resolve("runtime");
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return new RuntimeDriver(
        script, new CallLimits(timeout, LIMIT), tmp, new RunMark("ocikit-ct-test-r0"));
  }

  @Test
  void endlessStdoutIsStoppedAtTheLimitNotTheTimeout() throws Exception {
    CallResult r = driver("exec yes", Duration.ofSeconds(60)).state("ocikit-ct-test-r0-t0-1");
    assertFalse(r.ok());
    assertEquals("wrote more than " + LIMIT + " bytes to stdout", r.stopped(), r.describe());
    assertTrue(r.stdout().length() <= LIMIT, "read at most the limit: " + r.stdout().length());
    assertEquals(-1, r.exitCode());
    assertTrue(
        r.describe().startsWith("`state ocikit-ct-test-r0-t0-1` wrote more than"), r.describe());
  }

  @Test
  void endlessStderrIsStoppedToo() throws Exception {
    CallResult r = driver("exec yes >&2", Duration.ofSeconds(60)).features();
    assertEquals("wrote more than " + LIMIT + " bytes to stderr", r.stopped(), r.describe());
    assertTrue(r.stderr().length() <= LIMIT, "read at most the limit: " + r.stderr().length());
  }

  @Test
  void outputOverTheLimitBeforeAQuickExitStillFailsTheCall() throws Exception {
    CallResult r = driver("head -c 70000 /dev/zero; exit 0", Duration.ofSeconds(60)).list();
    assertFalse(r.ok(), r.toString().substring(0, 200));
    assertEquals("wrote more than " + LIMIT + " bytes to stdout", r.stopped());
    assertEquals(LIMIT, r.stdout().length());
  }

  @Test
  void hangingCallIsStoppedAndItsEscapedChildKilled() throws Exception {
    String tag = "3" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    // The child leaves the process tree (setsid in a subshell that exits): only its
    // environment still ties it to the call.
    RuntimeDriver d =
        driver(
            "(setsid sleep " + tag + " </dev/null >/dev/null 2>&1 &)\nexec sleep 300",
            Duration.ofSeconds(1));
    CallResult r = d.start("ocikit-ct-test-r0-t0-1");
    assertEquals("timed out after 1000 ms", r.stopped(), r.describe());
    assertFalse(r.refused(), "a stopped call is no error answer from the runtime");
    assertEquals(List.of(), alive("sleep " + tag), "the escaped child was killed");
    assertEquals(List.of(), alive("sleep 300"), "the runtime itself was killed");
  }

  @Test
  void everyCallCarriesTheRunMarkAndRecordsTheRunsIds() throws Exception {
    RuntimeDriver d = driver("echo \"$" + RunMark.ENV + "\"", Duration.ofSeconds(10));
    CallResult r = d.kill("ocikit-ct-test-r0-t3-2", "KILL");
    assertTrue(r.ok(), r.describe());
    assertEquals("ocikit-ct-test-r0", r.stdout().strip());
    d.call(List.of("state", "someone-elses-container"));
    assertEquals(java.util.Set.of("ocikit-ct-test-r0-t3-2"), d.containerIds());
  }

  @Test
  void excerptKeepsOneShortLineWithoutControlCharacters() {
    assertEquals("a?b", CallResult.excerpt("a\u001bb\nsecond line"));
    String longLine = CallResult.excerpt("x".repeat(10_000));
    assertEquals(CallResult.EXCERPT + 3, longLine.length());
    assertTrue(longLine.endsWith("..."));
  }

  @Test
  void runMarkOfOneRuntimeNeverClaimsAnother() {
    RunMark r1 = new RunMark("ocikit-ct-ab12-r1");
    assertTrue(r1.foundIn("4:memory:/ocikit-ct-ab12-r1-t5-1"));
    assertTrue(r1.foundIn("A=1\0" + RunMark.ENV + "=ocikit-ct-ab12-r1\0B=2"));
    assertFalse(r1.foundIn("4:memory:/ocikit-ct-ab12-r10-t5-1"));
    assertFalse(r1.isContainerId("ocikit-ct-ab12-r10-t5-1"));
  }

  private static List<Long> alive(String commandLine) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").endsWith(commandLine))
        .map(ProcessHandle::pid)
        .toList();
  }
}
