package dev.ocikit.conformance.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The mount judges run as the suite runs them (body, {@link Context}, driver, {@link
 * MountOptionRun}'s create-and-retry) against {@link ScriptedRuntime}, whose create writes the
 * mountinfo of a complying runtime ({@link ScriptedMounts}): it must pass every one, and a runtime
 * breaking exactly one mount property must fail that test with the broken mount in the verdict,
 * leaving the other mount judges as they were.
 */
class MountJudgeTest {
  /** The judges that SKIP on a complying runtime: the kernel shows no trace of their option. */
  private static final Set<String> SKIP_WHEN_COMPLYING =
      Set.of("mounts.option.iversion", "mounts.option.noiversion");

  /**
   * The judges that make containers of their own and read their mountinfo from the host ({@link
   * HostProc#mountinfoSource}); the others judge one of two shared observations. A violation is
   * checked against the other judges of its own group: those of another never see its container.
   */
  private static final Set<String> OWN_CONTAINERS =
      Set.of(
          "linux.rootfs-propagation.private",
          "linux.rootfs-propagation.shared",
          "linux.rootfs-propagation.slave",
          "linux.rootfs-propagation.unbindable",
          "mounts.bind-propagation");

  /**
   * The harness's own mountinfo as the judges read it: the mount holding the bundle is shared, so
   * that a slave rootfs has a master to show (the judge SKIPs otherwise).
   */
  private static final String HOST = "1 0 0:1 / / rw,relatime shared:1 - ext4 /dev/root rw\n";

  @TempDir Path tmp;

  static Stream<MountViolation> violations() {
    return MountViolation.ALL.values().stream();
  }

  /** Every test id the table covers, in table order. */
  static Set<String> ids() {
    Set<String> ids = new LinkedHashSet<>();
    MountViolation.ALL.values().forEach(v -> ids.add(v.testId()));
    return ids;
  }

  /** Which observation a judge reads: its own containers, the root observer's, the option run. */
  private static String group(String id) {
    if (OWN_CONTAINERS.contains(id)) {
      return "own";
    }
    return MountViolation.ALL.get(id).dest().startsWith(RootObservation.MOUNTS) ? "root" : "run";
  }

  private static Verdict.Outcome complying(String id) {
    return SKIP_WHEN_COMPLYING.contains(id) ? Verdict.Outcome.SKIP : Verdict.Outcome.PASS;
  }

  @Test
  void aComplyingRuntimePassesEveryJudge() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(null);
    try {
      List<String> wrong = new ArrayList<>();
      for (String id : ids()) {
        Verdict v = ObservationJudgeTest.test(id).body().run(ctx);
        if (v.outcome() != complying(id)) {
          wrong.add(id + ": " + v);
        }
      }
      assertEquals(List.of(), wrong);
    } finally {
      close(ctx);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("violations")
  void aRuntimeBreakingOneMountFailsThatTestAlone(MountViolation violation) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/busybox")), "bundles need /bin/busybox");
    Context ctx = context(violation.name());
    try {
      Verdict v = ObservationJudgeTest.test(violation.testId()).body().run(ctx);
      assertEquals(Verdict.Outcome.FAIL, v.outcome(), violation + ": " + v);
      assertTrue(
          v.actual().contains(violation.evidence()),
          "the verdict names " + violation.evidence() + ": " + v.actual());
      Set<String> changed = new TreeSet<>();
      String group = group(violation.testId());
      for (String id : ids()) {
        if (!id.equals(violation.testId())
            && group(id).equals(group)
            && ObservationJudgeTest.test(id).body().run(ctx).outcome() != complying(id)) {
          changed.add(id);
        }
      }
      assertEquals(
          new TreeSet<>(violation.alsoAffected()),
          changed,
          "only " + violation.testId() + " and its declared overlaps should change");
    } finally {
      close(ctx);
    }
  }

  /**
   * A context on a scripted runtime breaking {@code violation}, its {@link MountOptionRun} made by
   * the real run with only the host trees' mounts described instead of made (mounting needs root).
   */
  private Context context(String violation) throws Exception {
    Path rt = Files.createDirectories(tmp.resolve("rt"));
    Path runtime = ScriptedRuntime.install(rt, violation);
    Context ctx = ScriptedRuntime.context(runtime, tmp.resolve("ctx"), new ObservationCache());
    Path state = rt.resolve("state");
    MountViolation v = violation == null ? null : MountViolation.ALL.get(violation);
    String group = v == null ? null : group(v.testId());
    if (group == null || group.equals("run")) {
      ctx.observations().get("mount-options", () -> MountOptionRun.make(ctx, hostTrees(state)));
    } else {
      block(ctx, "mount-options");
    }
    if (group == null || group.equals("root")) {
      SeededMountObservation.seed(ctx, v);
    } else {
      block(ctx, "observe-root");
    }
    HostProc.mountinfoSource = pid -> mountinfo(state, pid);
    return ctx;
  }

  /**
   * Caches a refusal for an observation no judge of the case reads: making it costs a container,
   * and the real one would mount on the host.
   */
  private static void block(Context ctx, String key) throws Exception {
    try {
      ctx.observations()
          .get(
              key,
              () -> {
                throw new Unmet("precondition: not made for this case");
              });
    } catch (Unmet expected) {
      // Cached: any later reader gets the same Unmet.
    }
  }

  private static void close(Context ctx) {
    try {
      ctx.cleanup();
    } finally {
      HostProc.mountinfoSource = null;
    }
  }

  /**
   * The mountinfo the judges read for {@code pid}: the harness's {@link #HOST}, the table the
   * scripted runtime wrote for the container whose process it is, else null (read /proc).
   */
  private static String mountinfo(Path state, long pid) {
    if (pid == ProcessHandle.current().pid()) {
      return HOST;
    }
    try (Stream<Path> dirs = Files.list(state)) {
      for (Path d : dirs.toList()) {
        Path pidFile = d.resolve("pid");
        Path table = d.resolve(ScriptedMounts.MOUNTINFO);
        if (Files.isRegularFile(pidFile)
            && Files.isRegularFile(table)
            && Files.readString(pidFile).strip().equals(String.valueOf(pid))) {
          return Files.readString(table);
        }
      }
    } catch (IOException e) {
      return null;
    }
    return null;
  }

  /**
   * The trees {@link RecursiveMountTests#prepare} makes, with their mounts listed in the scripted
   * runtime's {@value ScriptedMounts#HOST_MOUNTS} instead of made: a tmpfs at each {@code sub/},
   * the set and strict trees and their submounts given their flags by a bind remount.
   */
  static MountOptionRun.HostTrees hostTrees(Path runtimeState) {
    return (trees, made, target) -> {
      if (!MountOptionRun.applies(RecursiveMountTests.SINCE, target)) {
        return;
      }
      List<String> lines = new ArrayList<>();
      int id = 1000;
      for (String tree : RecursiveMountTests.TREES) {
        Path top = trees.resolve(tree).toAbsolutePath();
        Files.createDirectories(top.resolve("sub"));
        String flags = RecursiveMountTests.flagsOf(tree);
        if (flags != null) {
          lines.add(ScriptedMountTable.hostLine(id++, top, "ext4", List.of(), flags));
        }
        lines.add(
            ScriptedMountTable.hostLine(
                id++, top.resolve("sub"), "tmpfs", List.of("size=64k"), flags));
      }
      write(runtimeState.resolve(ScriptedMounts.HOST_MOUNTS), lines);
    };
  }

  private static void write(Path file, List<String> lines) throws IOException {
    Files.write(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
