package dev.ocikit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.conformance.ConformanceReport;
import dev.ocikit.conformance.RuntimeInfo;
import dev.ocikit.conformance.TestResult;
import dev.ocikit.conformance.TestStatus;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stderr summary gives each runtime's counts with its own wall time. */
class SummaryTest {
  private static ConformanceReport report() {
    RuntimeInfo runc =
        new RuntimeInfo(
                "runc", List.of("/usr/sbin/runc"), "runc version 1.1.5", "1.0.2", "x", List.of())
            .withWallMillis(6_840);
    RuntimeInfo crun =
        new RuntimeInfo(
                "crun", List.of("/usr/bin/crun"), "crun version 1.8.1", "1.0.0", "y", List.of())
            .withWallMillis(12_040);
    TestResult pass =
        new TestResult(
            "lifecycle.start-twice",
            "t",
            "runtime.md#start",
            "u",
            "MUST",
            "runc",
            TestStatus.PASS,
            "",
            "",
            "",
            5);
    return new ConformanceReport(List.of(runc, crun), List.of(pass), List.of(), 19_000);
  }

  private static String print(boolean quiet) {
    StringWriter out = new StringWriter();
    Summary.print(report(), new PrintWriter(out), "oci-tool conformance", quiet);
    return out.toString();
  }

  @Test
  void eachRuntimesLineEndsWithItsWallTime() {
    String text = print(false);
    assertTrue(
        text.contains(
            "oci-tool conformance: runc: 1 pass, 0 fail, 0 xfail, 0 xpass, 0 skip in 6.8 s"),
        text);
    assertTrue(
        text.contains(
            "oci-tool conformance: crun: 0 pass, 0 fail, 0 xfail, 0 xpass, 0 skip in 12.0 s"),
        text);
    assertTrue(text.contains("1 checks in 19.0 s"), text);
  }

  @Test
  void quietLeavesOutTheCounts() {
    assertFalse(print(true).contains("in 6.8 s"));
  }
}
