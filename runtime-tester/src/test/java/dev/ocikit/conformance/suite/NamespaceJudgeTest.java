package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The namespace judges (new, inherited, joined by path, a path of the wrong type, time offsets) and
 * the other config-linux.md properties of the process (personality, memory policy, intelRdt without
 * resctrl), run as the suite runs them against {@link ScriptedRuntime}, whose held process gets
 * real namespaces from unshare and nsenter: a runtime that applies the config passes every one, one
 * that breaks exactly the checked property fails that test, and the other tests judged on the same
 * containers still pass.
 *
 * <p>Without root, unshare makes namespaces only inside a user namespace of its own, so the helper
 * whose namespaces a container joins gets one through {@link NamespaceRun#helperOptions}; these
 * judges compare no user namespace. With root no user namespace is made.
 */
class NamespaceJudgeTest {
  @TempDir Path tmp;

  @BeforeAll
  static void helperInAUserNamespaceWithoutRoot() throws Exception {
    if (!root()) {
      NamespaceRun.helperOptions = List.of("--user", "--map-root-user");
    }
  }

  @AfterAll
  static void helperAsInARun() {
    NamespaceRun.helperOptions = List.of();
  }

  static Stream<NamespaceViolation> violations() {
    return NamespaceViolation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    usable();
    Context ctx = context(null);
    assertEquals(
        List.of(),
        JudgeRuns.misjudged(
            ctx,
            NamespaceViolation.ALL.keySet(),
            id -> notHere().contains(id) ? null : Verdict.Outcome.PASS));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedPropertyFailsThatTestAlone(NamespaceViolation violation)
      throws Exception {
    usable();
    assumeTrue(
        !notHere().contains(violation.testId()),
        () -> "this host gives " + violation.testId() + " nothing to judge");
    Context ctx = context(violation.testId());
    try {
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
      assertFalse(v.actual().isBlank(), "the verdict says what was seen: " + v);
      if (violation.evidence() != null) {
        assertTrue(
            v.actual().contains(violation.evidence()),
            "the verdict names " + violation.evidence() + ": " + v.actual());
      }
      if (violation.hostNamespace() != null) {
        String own = HostProc.ownNs(violation.hostNamespace());
        assertTrue(
            v.actual().startsWith("container " + own + ","),
            "the container is in the runtime's " + own + ": " + v.actual());
      }
      // The tests judged on the same containers are not fooled either way.
      if (NamespaceViolation.NAMESPACE_RUN.contains(violation.testId())) {
        Set<String> alsoFailing = new TreeSet<>();
        for (String id : NamespaceViolation.NAMESPACE_RUN) {
          if (!id.equals(violation.testId())
              && ObservationJudgeTest.test(id).body().run(ctx).outcome() != Verdict.Outcome.PASS) {
            alsoFailing.add(id);
          }
        }
        assertEquals(Set.of(), alsoFailing, "only " + violation.testId() + " should fail");
      }
    } finally {
      ctx.cleanup();
    }
  }

  private Context context(String violation) throws Exception {
    return ScriptedRuntime.context(tmp, violation);
  }

  /**
   * The tests this host gives nothing to judge, whatever the runtime does: the judge skips them
   * (personality off x86_64, resctrl mounted, no time namespaces) or there is no numa_maps to read.
   */
  private static Set<String> notHere() {
    Set<String> skips = new TreeSet<>();
    String arch = System.getProperty("os.arch");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      skips.add("linux.personality.linux32");
    }
    if (HostProc.read("/proc/self/mountinfo").contains(" - resctrl ")) {
      skips.add("linux.intel-rdt.no-resctrl");
    }
    if (!Files.exists(Path.of("/proc/self/ns/time"))) {
      skips.add("namespaces.time.offsets");
    }
    if (HostProc.read("/proc/self/numa_maps").startsWith("<unreadable")) {
      skips.add("linux.memory-policy.bind");
    }
    return skips;
  }

  private static void usable() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    for (String tool : new String[] {"unshare", "nsenter", "setarch", "perl"}) {
      assumeTrue(runs(tool, "--version"), "the scripted runtime needs " + tool);
    }
    assumeTrue(
        root() || runs("unshare", "--user", "--map-root-user", "--net", "true"),
        "without root, the scripted runtime needs unprivileged user namespaces");
  }

  private static boolean runs(String... command) throws Exception {
    try {
      Process p =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static boolean root() throws Exception {
    return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
  }
}
