package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.RootfsPropagation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * config-linux.md "Rootfs Mount Propagation" and the propagation options of config.md mounts,
 * judged from the host in {@code /proc/PID/mountinfo} of a created container (not started).
 */
final class MountPropagationTests {
  private MountPropagationTests() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    for (String value : List.of("private", "shared", "slave", "unbindable")) {
      t.add(
          of(
              "linux.rootfs-propagation." + value,
              "config-linux.md",
              "rootfs-mount-propagation",
              Level.MUST,
              "with rootfsPropagation " + value + " the container's / is a " + value + " mount",
              ctx -> rootfs(ctx, value)));
    }
    t.add(
        of(
            "mounts.bind-propagation",
            "config.md",
            "mounts",
            Level.MUST,
            "bind mounts with rshared, rprivate and runbindable get that propagation",
            MountPropagationTests::binds));
    return t;
  }

  private static Verdict rootfs(Context ctx, String value) throws Exception {
    if (value.equals("slave")) {
      // A slave receives events from its master: only observable when the host mount holding
      // the bundle is shared. Otherwise slave and private look the same in mountinfo.
      ctx.requireBaseline();
      MountInfo host = hostMountOf(ctx.workDir());
      if (host == null || !host.propagation().startsWith("shared")) {
        return Verdict.skip(
            "the host mount holding the bundle is not shared ("
                + (host == null ? "not found" : host.line())
                + "), so a slave rootfs has no master to show");
      }
    }
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle().config().generator().linuxSettings().rootfsPropagation(RootfsPropagation.of(value));
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create with rootfsPropagation " + value + " succeeds", r.describe());
    }
    MountInfo root = MountInfo.of(HostProc.pidOf(c), "/");
    String got = root == null ? "<no / in mountinfo>" : root.propagation();
    return Verdict.expect(
        got.equals(value), "/ is " + value, got + (root == null ? "" : ": " + root.line()));
  }

  private static Verdict binds(Context ctx) throws Exception {
    Container c = ctx.container();
    Path src = Files.createDirectories(c.bundle().dir().resolve("bind-src"));
    Map<String, String> want = new LinkedHashMap<>();
    want.put("shared", "rshared");
    want.put("private", "rprivate");
    want.put("unbindable", "runbindable");
    c.bundle().config().shell(Scripts.SLEEPER);
    want.forEach(
        (kind, option) ->
            c.bundle().config().mount("/ocikit-" + kind, "bind", src.toString(), "rbind", option));
    c.createOk();
    long pid = HostProc.pidOf(c);
    List<String> bad = new ArrayList<>();
    for (String kind : want.keySet()) {
      MountInfo m = MountInfo.of(pid, "/ocikit-" + kind);
      String got = m == null ? "<absent>" : m.propagation();
      if (!got.equals(kind)) {
        bad.add("/ocikit-" + kind + " is " + got);
      }
    }
    return Verdict.expect(
        bad.isEmpty(), "/ocikit-shared shared, -private private, -unbindable unbindable", "" + bad);
  }

  /** The host mount (in the harness's namespace) whose mount point is the longest prefix. */
  static MountInfo hostMountOf(Path dir) {
    long self = ProcessHandle.current().pid();
    MountInfo best = null;
    for (String l : HostProc.mountinfo(self).split("\n")) {
      String[] f = l.split(" ");
      if (f.length > 6 && dir.toAbsolutePath().startsWith(f[4])) {
        if (best == null || f[4].length() >= best.mountPoint().length()) {
          best = MountInfo.of(self, f[4]);
        }
      }
    }
    return best;
  }
}
