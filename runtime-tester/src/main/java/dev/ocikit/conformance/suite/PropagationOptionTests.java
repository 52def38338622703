package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * config.md "Linux mount options": the propagation options shared, private, slave, rslave and
 * unbindable on bind mounts, judged from the optional fields of the container's mountinfo.
 *
 * <p>A slave only shows a master when its peer group has another member, so the run first makes a
 * shared peer inside the container: a bind of a host directory with {@code shared} at {@code
 * /ocikit/p/peer} (and a tmpfs with {@code shared} at its {@code sub/}). The judged binds then take
 * that mount as their source, through its path under the bundle's rootfs: a runtime that mounts in
 * the container's mount namespace before pivot_root finds the peer there, and the control (an rbind
 * of the same source without options) shows {@code shared:N}. Where the control shows something
 * else, the options whose effect it cannot reveal SKIP.
 */
final class PropagationOptionTests {
  static final String DIR = "/ocikit/p";
  private static final String PEER = DIR + "/peer";
  private static final String CTL = DIR + "/ctl";
  private static final List<String> PRIVATE = List.of("t-shared:", "t-master:", "t-unbindable");
  private static final List<String> SLAVE = List.of("t+master:", "t-shared:");

  private PropagationOptionTests() {}

  /** The host directory bound as the peer, with the {@code sub/} the peer's tmpfs covers. */
  static void prepare(Path trees) throws IOException {
    Files.createDirectories(trees.resolve("peer/sub"));
  }

  static List<MountOptionRun.Planned> plan(Path trees, Path rootfs) {
    Path host = trees.resolve("peer");
    Path peer = rootfs.resolve(PEER.substring(1));
    String base = SpecTest.BASELINE;
    return List.of(
        MountOptionRun.Planned.bind(DIR + "/bound", host, List.of("bind"), base),
        MountOptionRun.Planned.bind(PEER, host, List.of("bind", "shared"), base),
        MountOptionRun.Planned.tmpfs(PEER + "/sub", List.of("shared"), base),
        MountOptionRun.Planned.bind(CTL, peer, List.of("rbind"), base),
        MountOptionRun.Planned.bind(DIR + "/private", peer, List.of("bind", "private"), base),
        MountOptionRun.Planned.bind(DIR + "/slave", peer, List.of("bind", "slave"), base),
        MountOptionRun.Planned.bind(DIR + "/rslave", peer, List.of("rbind", "rslave"), base),
        MountOptionRun.Planned.bind(
            DIR + "/unbindable", peer, List.of("bind", "unbindable"), base));
  }

  static List<SpecTest> all() {
    return List.of(
        check("shared", "a bind with shared is in a peer group (shared:N)"),
        check("private", "a bind of a shared mount with private has no propagation fields"),
        check("slave", "a bind of a shared mount with slave receives from it (master:N only)"),
        check("rslave", "an rbind of a shared tree with rslave: it and its submount are slaves"),
        check("unbindable", "a bind with unbindable is marked unbindable"));
  }

  private static SpecTest check(String option, String title) {
    return of(
        "mounts.option." + option,
        "config.md",
        "linux-mount-options",
        Level.MUST,
        title + " in mountinfo",
        ctx -> judge(option, MountOptionRun.get(ctx)));
  }

  /** The verdict on one propagation option from the observed mounts. */
  static Verdict judge(String option, MountOptionRun run) {
    String dest = DIR + "/" + option;
    return switch (option) {
      case "shared" ->
          MountExpect.judge(
              run, List.of(PEER), List.of(PEER), List.of(DIR + "/bound"), List.of("t+shared:"));
      case "private" -> MountExpect.judge(run, List.of(dest), List.of(dest), List.of(CTL), PRIVATE);
      case "unbindable" ->
          MountExpect.judge(
              run, List.of(dest), List.of(dest), List.of(CTL), List.of("t+unbindable"));
      default -> slave(run, option, dest);
    };
  }

  private static Verdict slave(MountOptionRun run, String option, String dest) {
    boolean recursive = option.startsWith("r");
    List<String> controls = recursive ? List.of(CTL, CTL + "/sub") : List.of(CTL);
    for (String c : controls) {
      MountInfo m = MountInfo.last(run.mounts(), c);
      if (m != null && !m.propagation().startsWith("shared")) {
        return Verdict.skip(
            "the control bind of the same source is "
                + m.propagation()
                + ", not shared ("
                + m.line()
                + "): a slave needs a peer to follow, else the kernel makes it private");
      }
    }
    List<String> points = recursive ? List.of(dest, dest + "/sub") : List.of(dest);
    return MountExpect.judge(run, List.of(dest), points, controls, SLAVE);
  }
}
