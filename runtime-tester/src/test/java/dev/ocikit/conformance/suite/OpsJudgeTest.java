package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.spec.LinuxCapabilities;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judges of the operation errors, the config admission tests and the {@code features} claims,
 * run as the suite runs them against {@link ScriptedRuntime} without root: a runtime that answers
 * {@code features} with a full document, admits configs as the spec says and fails every operation
 * on an unknown or missing id must pass them all; one that breaks exactly what a test checks must
 * fail that test, with the broken value in the verdict, and no other but the declared overlaps.
 */
class OpsJudgeTest {
  @TempDir Path tmp;

  static Stream<OpsViolation> violations() {
    return OpsViolation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null);
    assertEquals(
        List.of(),
        JudgeRuns.misjudged(
            ctx,
            OpsViolation.ALL.keySet(),
            id -> unjudgeable(ctx, id) ? Verdict.Outcome.SKIP : Verdict.Outcome.PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedBehaviourFailsThatTestAlone(OpsViolation violation)
      throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(violation.testId());
    try {
      assumeTrue(
          !unshowable(ctx, violation.testId()),
          "this host leaves " + violation.testId() + " nothing to judge");
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertTrue(
          v.actual().contains(violation.evidence()),
          "the verdict names " + violation.evidence() + ": " + v.actual());
      // One behaviour broken, one test failing: the other judges of its family still pass.
      Set<String> alsoFailing = new TreeSet<>();
      for (String id : OpsViolation.ALL.keySet()) {
        if (!id.equals(violation.testId())
            && neighbours(violation.testId(), id)
            && !unjudgeable(ctx, id)
            && ObservationJudgeTest.test(id).body().run(ctx).outcome() != Verdict.Outcome.PASS) {
          alsoFailing.add(id);
        }
      }
      Set<String> declared = new TreeSet<>(violation.alsoFailing());
      declared.removeIf(id -> !neighbours(violation.testId(), id));
      assertEquals(
          declared,
          alsoFailing,
          "only " + violation.testId() + " and its declared overlaps should fail");
    } finally {
      ctx.cleanup();
    }
  }

  @Test
  void versionsCompareByNumberIgnoringSuffixes() {
    assertEquals(0, ScriptedConfig.compare("1.3.0", ScriptedFeatures.OCI_MAX));
    assertTrue(ScriptedConfig.compare("1.0.2-dev", "1.1.0") < 0);
    assertTrue(ScriptedConfig.compare("1.10.0", "1.3.0") > 0);
  }

  /**
   * Whether the judge of {@code other} runs beside a violation of {@code broken}: the judges of the
   * same family (operations, config, features), except that beside a features claim only the judges
   * of the document as a whole run, not the other claims, each of which costs the script a JVM
   * start per create and is guarded by its own case.
   */
  private static boolean neighbours(String broken, String other) {
    String family = broken.substring(0, broken.indexOf('.'));
    return other.startsWith(family + ".")
        && (!family.equals("features") || DOCUMENT_JUDGES.contains(other));
  }

  private static final Set<String> DOCUMENT_JUDGES =
      Set.of("features.schema", "features.hooks-run", "features.namespaces-creatable");

  /** A test this host gives nothing to judge: no namespace unshare can make here. */
  private static boolean unjudgeable(Context ctx, String id) {
    return id.equals("features.namespaces-creatable")
        && FeaturesTests.listedNamespaces(ctx).isEmpty();
  }

  /**
   * A violation this host cannot show: no namespace to leave unmade, or CAP_SYSLOG (which the
   * capabilities violation refuses) outside the harness's bounding set, so never granted.
   */
  private static boolean unshowable(Context ctx, String id) {
    return unjudgeable(ctx, id)
        || id.equals("features.capabilities-recognized")
            && (HostProc.capBnd() & (1L << LinuxCapabilities.ALL.indexOf("CAP_SYSLOG"))) == 0;
  }

  private Context context(String violation) throws Exception {
    return ScriptedRuntime.context(tmp, violation);
  }
}
