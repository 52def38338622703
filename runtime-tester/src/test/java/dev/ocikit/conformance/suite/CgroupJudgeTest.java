package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cgroup judges, run as the suite runs them against {@link ScriptedRuntime}, whose cgroups live
 * in a fake host tree ({@link ScriptedCgroupHost}) the context's {@link CgroupHost} points at, so
 * no root and no real cgroupfs are needed: a runtime that applies every limit and path must pass
 * each judge, one that breaks exactly what a test checks ({@link CgroupViolation}) must fail that
 * test with the broken value in the verdict, and a host without a controller makes its tests SKIP
 * whatever the machine running this has.
 */
class CgroupJudgeTest {
  @TempDir Path tmp;

  static Stream<CgroupViolation> violations() {
    return CgroupViolation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null, true);
    try {
      assertEquals(
          Map.of(), outcomesOtherThan(Verdict.Outcome.PASS, ctx, CgroupViolation.ALL.keySet()));
    } finally {
      ctx.cleanup();
    }
  }

  @Test
  void aHostWithoutTheControllersMakesTheirTestsSkip() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null, false);
    Set<String> skipped =
        Set.of(
            "cgroups.memory-swap",
            "cgroups.memory-kernel-tcp",
            "cgroups.cpu.realtime",
            "cgroups.blkio-weight",
            "cgroups.blkio-throttle",
            "cgroups.blkio-throttle-iops",
            "cgroups.hugetlb",
            "cgroups.network-classid",
            "cgroups.unified.write-unknown",
            "cgroups.unified.enable-controllers",
            "cgroups.v2.path",
            "cgroups.v2.hugetlb",
            "cgroups.v2.pids-limit",
            "cgroups.v2.removed-on-delete");
    try {
      // Only these: the others' controllers and files are the full host's, judged above.
      assertEquals(Map.of(), outcomesOtherThan(Verdict.Outcome.SKIP, ctx, skipped));
    } finally {
      ctx.cleanup();
    }
  }

  @Test
  void aLimitLineMustHoldTheValueWhole() {
    assertTrue(CgroupLimitTests.holds("134217728\n", "134217728"));
    assertTrue(CgroupLimitTests.holds("8:0 5\n254:0 1048576\n", "254:0 1048576"));
    assertTrue(
        CgroupLimitTests.holds(
            "254:0 rbps=max wbps=max riops=345 wiops=678", "254:0 riops=345 wiops=678"));
    assertTrue(!CgroupLimitTests.holds("1342177280", "134217728"));
    assertTrue(!CgroupLimitTests.holds("254:0 10485760", "254:0 1048576"));
    assertTrue(!CgroupLimitTests.holds("1254:0 1048576", "254:0 1048576"));
    assertTrue(
        !CgroupLimitTests.holds(
            "254:0 rbps=max wbps=max riops=3456 wiops=678", "254:0 riops=345 wiops=678"));
    assertTrue(!CgroupLimitTests.holds("", "254:0 1048576"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedPropertyFailsThatTestAlone(CgroupViolation violation)
      throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    if (violation.testId().startsWith("cgroups.ownership")) {
      assumeTrue(
          canGiveAway(),
          "giving a file to another owner needs root or a second group of this user");
    }
    Context ctx = context(violation.testId(), true);
    try {
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertTrue(
          v.actual().contains(violation.evidence()),
          "the verdict names the broken value " + violation.evidence() + ": " + v.actual());
      Set<String> others = new TreeSet<>(sameRun(violation.testId()));
      others.remove(violation.testId());
      assertEquals(
          Map.of(),
          outcomesOtherThan(Verdict.Outcome.PASS, ctx, others),
          "only " + violation.testId() + " should fail");
    } finally {
      ctx.cleanup();
    }
  }

  /**
   * The tests judged from the same container run as {@code id}: a violation changes one value or
   * path of the runs that carry its property, so these are the judges it could fool; each other
   * test makes its own container. (Running every judge per violation would make ~15 containers
   * each, over 400 for the table.)
   */
  private static Set<String> sameRun(String id) {
    return RUNS.stream().filter(r -> r.contains(id)).findFirst().orElse(Set.of(id));
  }

  /** Tests that share one container run (one observation of the suite's cache). */
  private static final List<Set<String>> RUNS =
      List.of(
          Set.of(
              "cgroups.memory-limit",
              "cgroups.pids-limit",
              "cgroups.path",
              "cgroups.removed-on-delete"),
          Set.of(
              "cgroups.cpu.shares",
              "cgroups.cpu.quota-period",
              "cgroups.cpuset",
              "cgroups.devices",
              "cgroups.blkio-weight",
              "cgroups.hugetlb",
              "cgroups.network-classid"),
          Set.of(
              "cgroups.memory-reservation",
              "cgroups.memory-swappiness",
              "cgroups.memory-kernel-tcp",
              "cgroups.cpu.realtime",
              "cgroups.blkio-throttle-iops"),
          Set.of(
              "cgroups.v2.path",
              "cgroups.v2.hugetlb",
              "cgroups.v2.pids-limit",
              "cgroups.v2.removed-on-delete"));

  /** The ids among {@code ids} whose judge gives another outcome than {@code want}, with it. */
  private static Map<String, String> outcomesOtherThan(
      Verdict.Outcome want, Context ctx, Set<String> ids) throws Exception {
    Map<String, String> wrong = new TreeMap<>();
    for (String id : ids) {
      Verdict v = ObservationJudgeTest.test(id).body().run(ctx);
      if (v.outcome() != want) {
        wrong.put(id, v.toString());
      }
    }
    return wrong;
  }

  private Context context(String violation, boolean fullHost) throws Exception {
    Path rt = Files.createDirectories(tmp.resolve("rt"));
    Path runtime = ScriptedRuntime.install(rt, violation);
    CgroupHost host = ScriptedCgroupHost.make(rt, fullHost);
    Context ctx = ScriptedRuntime.context(runtime, tmp.resolve("ctx"), new ObservationCache());
    ctx.cgroupHost(host);
    return ctx;
  }

  /** Whether this user can chown a file away (root) or chgrp it to a second group of its own. */
  private static boolean canGiveAway() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("sh", "-c", "id -u; id -G").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    List<String> ids = new ArrayList<>(List.of(out.strip().split("\\s+")));
    return ids.get(0).equals("0") || ids.size() > 2;
  }
}
