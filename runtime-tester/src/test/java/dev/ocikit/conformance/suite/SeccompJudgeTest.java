package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The judges of seccomp actions, the notify listener, the terminal and process scheduling, run as
 * the suite runs them against {@link ScriptedRuntime}, whose process for these configs is {@code
 * scripted-process.py}: the kernel enforces its seccomp filter, its pty is real, its priorities are
 * set with the real syscalls. A complying process passes every judge; one breaking exactly the
 * property a test checks fails that test, and the other judges of its family do not change.
 */
class SeccompJudgeTest {
  private static final String LOG_FLAG = "seccomp.flags.log";

  @TempDir Path tmp;

  @BeforeAll
  static void hostCanRunTheProcess() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    assumeTrue("amd64".equals(System.getProperty("os.arch")), "the judges' filters are x86_64");
    Process p =
        new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "python3", "-c", "")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    assumeTrue(
        p.waitFor() == 0,
        "the scripted process needs python3 and user namespaces (unshare -r -m): " + out);
  }

  static Stream<SeccompViolation> violations() {
    return SeccompViolation.ALL.values().stream();
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    List<String> ids = new ArrayList<>();
    for (String id : SeccompViolation.ALL.keySet()) {
      if (!id.equals(LOG_FLAG) || hostShowsSeccompLog()) {
        ids.add(id);
      }
    }
    List<String> wrong = new ArrayList<>();
    verdicts(null, ids)
        .forEach(
            (id, v) -> {
              if (v.outcome() != Verdict.Outcome.PASS) {
                wrong.add(id + ": " + v);
              }
            });
    assertEquals(List.of(), wrong);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingTheCheckedPropertyFailsThatTestAlone(SeccompViolation violation)
      throws Exception {
    assumeTrue(
        !violation.testId().equals(LOG_FLAG) || hostShowsSeccompLog(),
        "the kernel log has no seccomp records this user can read (audit, actions_logged, dmesg)");
    List<String> family = new ArrayList<>();
    for (SeccompViolation other : SeccompViolation.ALL.values()) {
      if (other.family() == violation.family()) {
        family.add(other.testId());
      }
    }
    Map<String, Verdict> verdicts = verdicts(violation.testId(), family);
    Verdict v = verdicts.remove(violation.testId());
    assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation.testId() + ": " + v);
    assertTrue(
        v.actual().contains(violation.evidence()),
        "the verdict names " + violation.evidence() + ": " + v.actual());
    Set<String> alsoFailing = new TreeSet<>();
    verdicts.forEach(
        (id, other) -> {
          if (other.outcome() != Verdict.Outcome.PASS) {
            alsoFailing.add(id);
          }
        });
    assertEquals(
        new TreeSet<>(violation.alsoFailing()),
        alsoFailing,
        "only " + violation.testId() + " and its declared overlaps should fail");
  }

  /**
   * Each judge of {@code ids} run against a runtime breaking {@code violation} (null: none), two at
   * a time: every judge makes its own containers, so each gets a context and runtime of its own.
   */
  private Map<String, Verdict> verdicts(String violation, List<String> ids) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Map<String, Future<Verdict>> futures = new LinkedHashMap<>();
      for (String id : ids) {
        Path dir = Files.createDirectories(tmp.resolve(id));
        futures.put(id, pool.submit(() -> judge(violation, id, dir)));
      }
      Map<String, Verdict> out = new LinkedHashMap<>();
      for (Map.Entry<String, Future<Verdict>> e : futures.entrySet()) {
        out.put(e.getKey(), e.getValue().get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static Verdict judge(String violation, String id, Path dir) throws Exception {
    Path runtime = ScriptedRuntime.install(Files.createDirectories(dir.resolve("rt")), violation);
    Context ctx = ScriptedRuntime.context(runtime, dir.resolve("ctx"), new ObservationCache());
    try {
      return ObservationJudgeTest.test(id).body().run(ctx);
    } finally {
      ctx.cleanup();
    }
  }

  /**
   * Whether seccomp.flags.log can pass here: the judge skips without audit or without errno in
   * actions_logged, and reads the record with dmesg, which a host may keep from unprivileged users.
   */
  private static boolean hostShowsSeccompLog() throws Exception {
    Path logged = Path.of("/proc/sys/kernel/seccomp/actions_logged");
    if (!Files.exists(Path.of("/proc/self/loginuid"))
        || !Files.exists(logged)
        || !Files.readString(logged).contains("errno")) {
      return false;
    }
    Process p = new ProcessBuilder("dmesg").redirectErrorStream(true).start();
    p.getInputStream().transferTo(OutputStream.nullOutputStream());
    return p.waitFor() == 0;
  }
}
