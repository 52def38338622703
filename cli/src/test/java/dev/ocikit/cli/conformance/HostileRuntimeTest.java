package dev.ocikit.cli.conformance;

import static dev.ocikit.cli.conformance.HostileRuntime.alive;
import static dev.ocikit.cli.conformance.HostileRuntime.assertEveryReportSays;
import static dev.ocikit.cli.conformance.HostileRuntime.problemLine;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.cli.conformance.ConformanceCommandTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code oci-tool conformance} against hostile runtimes ({@link HostileRuntime}: the host's runc
 * with one command broken): whatever the runtime does, the run ends, never green by accident, with
 * one line on stderr per problem, the same problem in every report format, and nothing of the run
 * left on the host. Needs root, runc and a static busybox.
 */
class HostileRuntimeTest {
  private static final String ONE_TEST = "^lifecycle\\.create-status-created$";

  @TempDir Path tmp;

  @BeforeEach
  void needsRootAndRunc() {
    ConformanceCommandTest.assumeRunc();
  }

  private Path out() {
    return tmp.resolve("reports");
  }

  private Run conformance(Path runtime, String only, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of("--runtime", runtime.toString(), "--only", only, "--output", out().toString()));
    args.addAll(List.of(options));
    return ConformanceCommandTest.run(args.toArray(String[]::new));
  }

  /**
   * Runs runtime {@code name} broken by {@code arm}; asserts exit 1 and a report that did not pass;
   * returns the one stderr line of {@code checkId}.
   */
  private String failingRun(String name, String arm, String checkId, String only, String... options)
      throws Exception {
    Run r = conformance(HostileRuntime.write(tmp, name, arm), only, options);
    assertEquals(1, r.code(), r.err());
    assertFalse(json().path("passed").asBoolean(true));
    assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    return problemLine(r.err(), checkId, name);
  }

  private JsonNode json() throws Exception {
    return JsonMapper.builder().build().readTree(out().resolve("conformance.json").toFile());
  }

  @Test
  void crashingStartFailsTheRun() throws Exception {
    String line =
        failingRun(
            "crash-start",
            CRASHING_START,
            "run.smoke-probe",
            "^lifecycle\\.(create-status-created|start-status-running)$");
    assertTrue(line.contains("cannot run a trivial container: `start ocikit-ct-"), line);
    assertTrue(line.contains("exited 2 (panic: boom)"), line);
    assertTrue(line.endsWith("(allow with --allow-unusable-runtime)"), line);
    assertEveryReportSays(out(), "run.smoke-probe", "exited 2 (panic: boom)");
  }

  private static final String CRASHING_START = "start) echo 'panic: boom' >&2; exit 2 ;;";

  @Test
  void crashingStartIsAcceptedOnlyWhenAllowed() throws Exception {
    Path rt = HostileRuntime.write(tmp, "crash-start", CRASHING_START);
    Run r = conformance(rt, ONE_TEST, "--allow-unusable-runtime");
    assertEquals(0, r.code(), r.err());
    String line = problemLine(r.err(), "run.smoke-probe", "crash-start");
    assertTrue(line.endsWith("tests that need a container were skipped (accepted)"), line);
    assertEveryReportSays(out(), "run.smoke-probe", "exited 2 (panic: boom)", "accepted");
    assertTrue(json().path("problems").get(0).path("accepted").asBoolean(false));
    assertTrue(json().path("passed").asBoolean(false));
  }

  @Test
  void hangingCreateIsStoppedAndFailsTheRun() throws Exception {
    String line =
        failingRun(
            "hang-create",
            "create) exec /bin/busybox sleep 3141 ;;",
            "run.smoke-probe",
            ONE_TEST,
            "--call-timeout",
            "1");
    assertTrue(line.contains("` timed out after 1000 ms; stopped; no test was run"), line);
    assertEveryReportSays(out(), "run.smoke-probe", "timed out after 1000 ms");
    assertTrue(
        Files.readString(out().resolve("conformance.tap")).contains("# SKIP not run: the runtime"));
    assertEquals(List.of(), alive("sleep 3141"), "the hanging create was killed");
  }

  @Test
  void mostlySkippedRunFails() throws Exception {
    String line = failingRun("no-features", NO_FEATURES, "run.mostly-skipped", FEATURE_TESTS);
    assertTrue(line.contains("4 of 5 selected tests were skipped, more than half"), line);
    assertTrue(line.endsWith("(allow with --allow-mostly-skipped)"), line);
    assertEveryReportSays(out(), "run.mostly-skipped", "4 of 5 selected tests were skipped");
  }

  @Test
  void mostlySkippedRunIsAcceptedOnlyWhenAllowed() throws Exception {
    Path rt = HostileRuntime.write(tmp, "no-features", NO_FEATURES);
    Run r = conformance(rt, FEATURE_TESTS, "--allow-mostly-skipped");
    assertEquals(0, r.code(), r.err());
    assertTrue(problemLine(r.err(), "run.mostly-skipped", "no-features").endsWith("(accepted)"));
    assertEveryReportSays(out(), "run.mostly-skipped", "accepted");
  }

  /** Four tests that skip without {@code features}, and one that passes. */
  private static final String FEATURE_TESTS =
      "^(features\\.(schema|hooks-run|namespaces-creatable)|namespaces\\.time\\.offsets"
          + "|lifecycle\\.create-status-created)$";

  /** crun 1.8.1 has no {@code features} either. */
  private static final String NO_FEATURES =
      "features) echo 'unknown command features' >&2; exit 1 ;;";

  @Test
  void garbageListAndALyingDeleteAreReportedAndCleanedUp() throws Exception {
    Path rt =
        HostileRuntime.write(
            tmp, "garbage-list", "list) echo 'this is not json'; exit 0 ;;", "delete) exit 0 ;;");
    Run r = conformance(rt, ONE_TEST);
    List<String> ids = HostileRuntime.containerIds(r.err());
    try {
      assertEquals(1, r.code(), r.err());
      String check = problemLine(r.err(), "run.leak-check", "garbage-list");
      assertTrue(check.contains("printed output that is not JSON: 'this is not json'"), check);
      List<String> leaks =
          r.err().lines().filter(l -> l.startsWith("conformance: run.leak garbage-list")).toList();
      assertTrue(has(leaks, "container ", "still existed after the run; not removed"), r.err());
      assertTrue(has(leaks, "(/usr/sbin/runc init) still running", "; killed"), r.err());
      assertTrue(has(leaks, "cgroup ", " left behind in ", "memory", "; removed"), r.err());
      assertEveryReportSays(out(), "run.leak-check", "run.leak", "runc init", "left behind in");
      assertEquals(2, ids.size(), "the smoke probe's and the test's container: " + ids);
      for (String id : ids) {
        assertEquals(List.of(), cgroupsNamed(id), "cgroups of " + id + " removed");
      }
    } finally {
      HostileRuntime.deleteWithRealRunc(ids);
    }
  }

  @Test
  void gigabytesOfStateAreCutAtTheLimit() throws Exception {
    String line =
        failingRun(
            "huge-state",
            "state) yes | head -c 2200000000; exit 0 ;;",
            "run.smoke-probe",
            ONE_TEST,
            "--call-output-limit",
            "65536");
    assertTrue(line.contains("` wrote more than 65536 bytes to stdout; stopped"), line);
    assertEveryReportSays(out(), "run.smoke-probe", "wrote more than 65536 bytes to stdout");
  }

  /** A hang guard, not a speed check: before the fix this call blocked forever. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void hangingVersionDoesNotHangTheTool() throws Exception {
    Path rt =
        HostileRuntime.write(tmp, "hang-version", "--version) exec /bin/busybox sleep 3171 ;;");
    Run r = conformance(rt, ONE_TEST, "--call-timeout", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(
        r.err()
            .contains(
                "conformance: no default expected failures for hang-version:"
                    + " `--version` timed out after 1000 ms; stopped\n"),
        r.err());
    assertTrue(
        Files.readString(out().resolve("conformance.tap"))
            .contains("ok 1 hang-version lifecycle.create-status-created"));
    assertEquals(List.of(), alive("sleep 3171"), "the hanging --version was killed");
  }

  @Test
  void processLeftBehindIsReportedAndKilled() throws Exception {
    Path rt =
        HostileRuntime.write(
            tmp,
            "leaves-process",
            "create) (setsid /bin/busybox sleep 3181 </dev/null >/dev/null 2>&1 &);"
                + " exec "
                + HostileRuntime.RUNC
                + " \"$@\" ;;");
    Run r = conformance(rt, ONE_TEST);
    assertEquals(1, r.code(), r.err());
    List<String> leaks =
        r.err().lines().filter(l -> l.startsWith("conformance: run.leak leaves-process")).toList();
    assertEquals(2, leaks.size(), "one per create (smoke probe and test): " + r.err());
    for (String leak : leaks) {
      assertTrue(
          leak.contains(
              "(/bin/busybox sleep 3181) still running, its environment names the run;"
                  + " killed"),
          leak);
    }
    assertEveryReportSays(out(), "run.leak", "sleep 3181");
    assertEquals(List.of(), alive("sleep 3181"), "the leftover processes were killed");
  }

  private static boolean has(List<String> lines, String... parts) {
    return lines.stream().anyMatch(l -> Stream.of(parts).allMatch(l::contains));
  }

  private static List<Path> cgroupsNamed(String id) throws Exception {
    try (Stream<Path> walk = Files.walk(Path.of("/sys/fs/cgroup"), 3)) {
      return walk.filter(p -> p.getFileName() != null && p.getFileName().toString().equals(id))
          .toList();
    }
  }
}
