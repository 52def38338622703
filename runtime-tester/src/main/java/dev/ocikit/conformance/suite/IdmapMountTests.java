package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.IDMapping;
import dev.ocikit.spec.runtime.Mount;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;

/**
 * config.md mounts {@code uidMappings}/{@code gidMappings} (idmapped mounts, since 1.1.0): a file
 * owned by host root under a bind mount mapping container 0 to host {@link #HOST_ID} shows that
 * owner through the container's mount, read from the host via {@code /proc/PID/root}. Runs only
 * where the runtime's {@code features} report {@code linux.mountExtensions.idmap.enabled}.
 */
final class IdmapMountTests {
  static final long HOST_ID = 100000;
  static final long SIZE = 65536;

  private IdmapMountTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "mounts.idmap",
                "config.md",
                "posix-platform-mounts",
                Level.MUST,
                "a bind mount with uidMappings/gidMappings shows host-root files as the mapped owner",
                IdmapMountTests::idmap)
            .since("1.2.0"));
  }

  private static Verdict idmap(Context ctx) throws Exception {
    ctx.requireBaseline();
    var idmap = FeaturesTests.features(ctx).at("/linux/mountExtensions/idmap/enabled");
    if (!idmap.asBoolean(false)) {
      return Verdict.skip(
          "the runtime's features report no linux.mountExtensions.idmap.enabled (got "
              + (idmap.isMissingNode() ? "nothing" : idmap)
              + "); runc added idmapped mounts in 1.2.0");
    }
    Container c = ctx.container();
    Path src = Files.createDirectories(c.bundle().dir().resolve("idmap-src"));
    Files.writeString(src.resolve("file"), "owned by host root");
    IDMapping map = IDMapping.builder().containerID(0L).hostID(HOST_ID).size(SIZE).build();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle()
        .config()
        .generator()
        .mounts()
        .add(
            Mount.builder()
                .destination("/ocikit-idmap")
                .type("bind")
                .source(src.toString())
                .options(List.of("rbind", "idmap"))
                .uidMappings(List.of(map))
                .gidMappings(List.of(map))
                .build());
    var r = c.create();
    if (!r.ok()) {
      return Verdict.fail("create with an idmapped bind mount succeeds", r.describe());
    }
    Path seen = Path.of("/proc/" + HostProc.pidOf(c) + "/root/ocikit-idmap/file");
    Object uid = Files.getAttribute(seen, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    Object gid = Files.getAttribute(seen, "unix:gid", LinkOption.NOFOLLOW_LINKS);
    return Verdict.expect(
        Long.valueOf(HOST_ID).equals(((Number) uid).longValue())
            && Long.valueOf(HOST_ID).equals(((Number) gid).longValue()),
        "owner " + HOST_ID + ":" + HOST_ID,
        "owner " + uid + ":" + gid);
  }
}
