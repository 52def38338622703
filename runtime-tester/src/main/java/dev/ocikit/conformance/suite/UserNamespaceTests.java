package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * config-linux.md "User namespace mappings", judged from the host: the container's init process has
 * the configured {@code uid_map} and {@code gid_map}, and its ids seen from the host are mapped.
 */
final class UserNamespaceTests {
  static final long HOST_UID = 100000;
  static final long HOST_GID = 200000;
  static final long SIZE = 65536;

  /** What the host saw of one created container with a user namespace. */
  record Seen(String uidMap, String gidMap, String status, boolean newUserNs, String error) {}

  private UserNamespaceTests() {}

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
            "namespaces.user.uid-mappings",
            "config-linux.md",
            "user-namespace-mappings",
            Level.MUST,
            "the process's uid_map is linux.uidMappings",
            ctx -> map(seen(ctx), seen(ctx).uidMap(), HOST_UID)),
        SpecTest.of(
            "namespaces.user.gid-mappings",
            "config-linux.md",
            "user-namespace-mappings",
            Level.MUST,
            "the process's gid_map is linux.gidMappings",
            ctx -> map(seen(ctx), seen(ctx).gidMap(), HOST_GID)),
        SpecTest.of(
            "namespaces.user.new",
            "config-linux.md",
            "namespaces",
            Level.MUST,
            "a listed user namespace is new and container root is the mapped host uid",
            UserNamespaceTests::identity));
  }

  /** Adds the mappings this class judges to a container's config. */
  static void mapIds(Container c) throws java.io.IOException {
    // Mapped root cannot create mount points in the host-root-owned rootfs: make the shared one.
    String shared = c.bundle().shared().toString().substring(1);
    java.nio.file.Files.createDirectories(c.bundle().rootfs().resolve(shared));
    c.bundle()
        .config()
        .generator()
        .linuxSettings()
        .uidMapping(HOST_UID, 0, SIZE)
        .gidMapping(HOST_GID, 0, SIZE);
  }

  private static Seen seen(Context ctx) throws Exception {
    return ctx.observations().get("userns", () -> make(ctx));
  }

  private static Seen make(Context ctx) throws Exception {
    Container c = ctx.container();
    Map<String, String> ns = new LinkedHashMap<>();
    // sysfs can only be mounted in a user namespace that also owns a network namespace.
    for (String t : new String[] {"pid", "network", "ipc", "uts", "mount", "user"}) {
      ns.put(t, null);
    }
    c.bundle().config().shell(Scripts.SLEEPER).namespaces(ns);
    mapIds(c);
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return new Seen("", "", "", false, "create failed: " + r.describe());
    }
    long pid = HostProc.pidOf(c);
    String status = HostProc.read("/proc/" + pid + "/status");
    String uid = status.lines().filter(l -> l.startsWith("Uid:")).findFirst().orElse("");
    String gid = status.lines().filter(l -> l.startsWith("Gid:")).findFirst().orElse("");
    return new Seen(
        HostProc.read("/proc/" + pid + "/uid_map").strip(),
        HostProc.read("/proc/" + pid + "/gid_map").strip(),
        uid + " " + gid,
        !HostProc.ns(pid, "user").equals(HostProc.ownNs("user")),
        "");
  }

  private static Verdict map(Seen s, String map, long hostId) {
    if (!s.error().isEmpty()) {
      return Verdict.fail("the container is created", s.error());
    }
    return Verdict.expect(
        map.matches("0\\s+" + hostId + "\\s+" + SIZE), "0 " + hostId + " " + SIZE, map);
  }

  private static Verdict identity(Context ctx) throws Exception {
    Seen s = seen(ctx);
    if (!s.error().isEmpty()) {
      return Verdict.fail("the container is created", s.error());
    }
    boolean ids =
        s.status().matches("Uid:\\s+" + HOST_UID + "\\s.*")
            && s.status().contains("Gid:\t" + HOST_GID);
    return Verdict.expect(
        s.newUserNs() && ids,
        "new user ns, host uid " + HOST_UID + ", gid " + HOST_GID,
        "new=" + s.newUserNs() + ", " + s.status());
  }
}
