package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * config-linux.md "User namespace mappings" and "Cgroup Ownership", judged from the host on
 * containers with uid/gid mappings: the rootfs keeps its owners (the runtime realises mappings
 * without chown), and the container's cgroups keep theirs where the spec rules a chown out (no new
 * cgroup namespace; a cgroup v1 host).
 */
final class OwnershipTests {
  private static final String DOC = "config-linux.md";

  /** One file or directory of the container's cgroups, with its owner and its parent's. */
  record Owned(String path, String owner, String parentOwner) {}

  /** What one container with mappings showed: rootfs owners before and after, cgroup owners. */
  record Seen(
      Map<String, String> rootfsBefore,
      Map<String, String> rootfsCreated,
      Map<String, String> rootfsDeleted,
      List<Owned> cgroups) {}

  private OwnershipTests() {}

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
            "linux.id-mappings.rootfs-not-chowned",
            DOC,
            "user-namespace-mappings",
            Level.SHOULD,
            "a container with uid/gid mappings leaves the rootfs owners as they were, through"
                + " create and delete",
            ctx -> {
              Seen s = seen(ctx, false);
              List<String> p = new ArrayList<>(changedOwners(s.rootfsBefore(), s.rootfsCreated()));
              p.addAll(changedOwners(s.rootfsBefore(), s.rootfsDeleted()));
              return Verdict.expect(
                  p.isEmpty(), "rootfs owners unchanged after create and delete", p.toString());
            }),
        SpecTest.of(
                "cgroups.ownership-needs-cgroupns",
                DOC,
                "cgroup-ownership",
                Level.SHOULD,
                "with mappings but no new cgroup namespace the container's cgroups keep the"
                    + " owner of their parents",
                ctx -> cgroupVerdict(seen(ctx, false).cgroups()))
            // Cgroup ownership came with runtime-spec#1123, released in 1.1.0.
            .since("1.1.0"),
        SpecTest.of(
                "cgroups.ownership-v1-unchanged",
                DOC,
                "cgroup-ownership",
                Level.SHOULD,
                "on cgroup v1, mappings with a new cgroup namespace leave the container's cgroups"
                    + " owned like their parents",
                ctx -> {
                  if (ctx.cgroupHost().v2()) {
                    ctx.requireBaseline();
                    return Verdict.skip("the host is cgroup v2: this rule is about cgroup v1");
                  }
                  return cgroupVerdict(seen(ctx, true).cgroups());
                })
            .since("1.1.0"));
  }

  private static Verdict cgroupVerdict(List<Owned> cgroups) {
    List<String> p = ownedLikeParents(cgroups);
    return Verdict.expect(
        p.isEmpty(), "every container cgroup dir and file owned like its parent", p.toString());
  }

  private static Seen seen(Context ctx, boolean cgroupns) throws Exception {
    String key = cgroupns ? "ownership-cgroupns" : "ownership";
    return ctx.observations().get(key, () -> make(ctx, cgroupns));
  }

  private static Seen make(Context ctx, boolean cgroupns) throws Exception {
    Container c = ctx.container();
    Map<String, String> ns = new LinkedHashMap<>();
    // sysfs can only be mounted in a user namespace that also owns a network namespace.
    for (String t : new String[] {"pid", "network", "ipc", "uts", "mount", "user"}) {
      ns.put(t, null);
    }
    if (cgroupns) {
      ns.put("cgroup", null);
    }
    c.bundle().config().shell(Scripts.SLEEPER).namespaces(ns);
    UserNamespaceTests.mapIds(c);
    Path rootfs = c.bundle().rootfs();
    Map<String, String> before = owners(rootfs);
    c.createOk();
    Map<String, String> created = owners(rootfs);
    List<Owned> cgroups = cgroupOwners(ctx.cgroupHost(), HostProc.pidOf(c));
    // Forced, so that a runtime refusing to kill a created container (runsc) costs no wait.
    var d = ctx.driver().delete(c.id(), true);
    if (!d.ok()) {
      throw new Unmet("precondition: delete --force of the container failed: " + d.describe());
    }
    return new Seen(before, created, owners(rootfs), cgroups);
  }

  /** uid:gid of the rootfs and everything two levels below it, links not followed. */
  static Map<String, String> owners(Path rootfs) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (Stream<Path> walk = Files.walk(rootfs, 2)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        out.put("/" + rootfs.relativize(p), owner(p));
      }
    }
    return out;
  }

  private static String owner(Path p) {
    try {
      return Files.getAttribute(p, "unix:uid", LinkOption.NOFOLLOW_LINKS)
          + ":"
          + Files.getAttribute(p, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | RuntimeException e) {
      return "<gone>";
    }
  }

  /** The container's cgroup dirs (one per hierarchy) and the files in them, with owners. */
  private static List<Owned> cgroupOwners(CgroupHost host, long pid) throws IOException {
    List<Owned> out = new ArrayList<>();
    for (String line : host.procCgroup(pid).split("\n")) {
      Path dir = cgroupDir(host.root(), line);
      if (dir == null || !Files.isDirectory(dir) || dir.getParent() == null) {
        continue;
      }
      String parent = owner(dir.getParent());
      out.add(new Owned(dir.toString(), owner(dir), parent));
      try (Stream<Path> files = Files.list(dir)) {
        files
            .filter(Files::isRegularFile)
            .forEach(f -> out.add(new Owned(f.toString(), owner(f), parent)));
      }
    }
    return out;
  }

  /**
   * The directory of one {@code /proc/PID/cgroup} line under the cgroup mount {@code root}, or null
   * when it names no mount here.
   */
  static Path cgroupDir(Path root, String line) {
    String[] f = line.strip().split(":", 3);
    if (f.length < 3 || f[2].equals("/")) {
      return null;
    }
    String controllers = f[1].startsWith("name=") ? f[1].substring(5) : f[1];
    Path mount;
    if (!controllers.isEmpty()) {
      mount = root.resolve(controllers.split(",")[0]);
    } else {
      mount = Files.isDirectory(root.resolve("unified")) ? root.resolve("unified") : root;
    }
    return mount.resolve(f[2].substring(1));
  }

  /** Paths whose owner differs between two snapshots, as {@code path before -> after}. */
  static List<String> changedOwners(Map<String, String> before, Map<String, String> after) {
    List<String> out = new ArrayList<>();
    before.forEach(
        (path, owner) -> {
          String now = after.get(path);
          if (now != null && !now.equals(owner) && !"<gone>".equals(now)) {
            out.add(path + " " + owner + " -> " + now);
          }
        });
    return out;
  }

  /** Entries not owned like their parent directory; no entry at all is a problem too. */
  static List<String> ownedLikeParents(List<Owned> entries) {
    if (entries.isEmpty()) {
      return List.of("no cgroup of the container found under /sys/fs/cgroup");
    }
    List<String> out = new ArrayList<>();
    for (Owned o : entries) {
      if (!o.owner().equals(o.parentOwner())) {
        out.add(o.path() + " owned " + o.owner() + ", its parent " + o.parentOwner());
      }
    }
    return out;
  }
}
