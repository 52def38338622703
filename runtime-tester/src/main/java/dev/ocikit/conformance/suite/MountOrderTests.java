package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * config.md "Mounts" as seen in {@link MountOptionRun}'s mountinfo: entries mounted in the listed
 * order (a tmpfs listed after a bind and inside it sits on that bind), a relative Linux destination
 * taken from "/", and {@code remount} changing the mount an earlier entry made.
 */
final class MountOrderTests {
  private static final String OUTER = "/ocikit/order";
  private static final String INNER = OUTER + "/inner";
  private static final String REMOUNT = "/ocikit/x/remount";
  private static final String RELATIVE = "ocikit-rel";

  private MountOrderTests() {}

  /** The host directory bound at {@link #OUTER}, holding the mount point of the inner tmpfs. */
  static void prepare(Path trees) throws IOException {
    Files.createDirectories(trees.resolve("order/inner"));
  }

  static List<MountOptionRun.Planned> plan(Path trees) {
    String base = SpecTest.BASELINE;
    return List.of(
        MountOptionRun.Planned.bind(OUTER, trees.resolve("order"), List.of("bind"), base),
        MountOptionRun.Planned.tmpfs(INNER, List.of(), base),
        MountOptionRun.Planned.tmpfs(REMOUNT, List.of(), base),
        MountOptionRun.Planned.tmpfs(REMOUNT, List.of("remount", "ro"), base),
        MountOptionRun.Planned.tmpfs(RELATIVE, List.of(), "1.1.0"));
  }

  static List<SpecTest> all() {
    return List.of(
        of(
            "mounts.listed-order",
            "config.md",
            "mounts",
            Level.MUST,
            "a tmpfs listed after a bind, inside it, is mounted on that bind (its parent in"
                + " mountinfo)",
            ctx -> order(MountOptionRun.get(ctx))),
        of(
                "mounts.destination.relative",
                "config.md",
                "mounts",
                Level.MUST,
                "a tmpfs with the relative destination " + RELATIVE + " is mounted at /" + RELATIVE,
                ctx -> relative(MountOptionRun.get(ctx)))
            .since("1.1.0"),
        of(
            "mounts.option.remount",
            "config.md",
            "linux-mount-options",
            Level.MUST,
            "a second entry for a tmpfs destination with remount,ro makes that one mount read-only",
            ctx -> remount(MountOptionRun.get(ctx))));
  }

  static Verdict order(MountOptionRun run) {
    Verdict missing = MountExpect.notCreated(run, List.of(OUTER, INNER), List.of(OUTER, INNER));
    if (missing != null) {
      return missing;
    }
    MountInfo outer = MountInfo.last(run.mounts(), OUTER);
    MountInfo inner = MountInfo.last(run.mounts(), INNER);
    return Verdict.expect(
        inner.parentId().equals(outer.id()),
        INNER + " mounted on " + OUTER + " (parent id " + outer.id() + ")",
        inner.line() + " | " + outer.line());
  }

  static Verdict relative(MountOptionRun run) {
    Verdict missing = MountExpect.notCreated(run, List.of(RELATIVE), List.of("/" + RELATIVE));
    return missing == null ? Verdict.pass() : missing;
  }

  static Verdict remount(MountOptionRun run) {
    Verdict missing = MountExpect.notCreated(run, List.of(REMOUNT), List.of(REMOUNT));
    if (missing != null) {
      return missing;
    }
    List<MountInfo> at = run.mounts().stream().filter(m -> m.mountPoint().equals(REMOUNT)).toList();
    MountInfo m = at.get(at.size() - 1);
    boolean readOnly = m.mountOptions().contains("ro") || m.superOptions().contains("ro");
    return Verdict.expect(
        at.size() == 1 && readOnly,
        "one mount at " + REMOUNT + ", read-only (ro in its or its superblock's options)",
        at.stream().map(MountInfo::line).toList().toString());
  }
}
