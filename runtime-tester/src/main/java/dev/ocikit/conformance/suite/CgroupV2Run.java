package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.bundle.TestBundle;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * cgroup v2 on a v1 or hybrid host: every runtime call runs in a private mount namespace where
 * cgroup2 is mounted at /sys/fs/cgroup ({@code unshare -m} plus {@code mount -t cgroup2}), so the
 * runtime drives the unified hierarchy ({@link CgroupHost#cgroup2Wrapper}). The host reads the
 * results under /sys/fs/cgroup/unified. Only controllers the host delegated to the unified
 * hierarchy can be limited there; the others are skipped with the host's {@code
 * cgroup.controllers}.
 *
 * @param skip why the scenario could not run (empty when it ran)
 * @param controllers the unified hierarchy's cgroup.controllers
 * @param id container id
 * @param path the container's cgroup v2 path seen in /proc/PID/cgroup
 * @param hugetlb hugetlb.2MB.max, or empty when not configured
 * @param pids pids.max, or empty when not configured
 * @param removed whether the cgroup dir was gone after delete
 */
record CgroupV2Run(
    String skip,
    String controllers,
    String id,
    String path,
    String hugetlb,
    String pids,
    boolean removed) {
  static final long HUGETLB = 2L * 1024 * 1024;
  static final long PIDS = 32;

  static CgroupV2Run get(Context ctx) throws Exception {
    return ctx.observations().get("cgroup-v2", () -> make(ctx));
  }

  private static CgroupV2Run skipped(String why) {
    return new CgroupV2Run(why, "", "", "", "", "", false);
  }

  private static CgroupV2Run make(Context ctx) throws Exception {
    CgroupHost host = ctx.cgroupHost();
    Path unified = host.unified();
    if (host.v2()) {
      return skipped("host is cgroup v2 already: the cgroups.* tests cover v2 directly");
    }
    if (!Files.isDirectory(unified)) {
      return skipped("host has no unified hierarchy at " + unified + " to read results from");
    }
    String controllers = CgroupResourceRun.controllers(unified);
    boolean hugetlb = controllers.contains("hugetlb") && host.hugepages2M();
    boolean pids = controllers.contains("pids");
    if (!hugetlb && !pids) {
      return skipped(
          "the unified hierarchy delegates no controller the suite limits (cgroup.controllers: '"
              + controllers
              + "')");
    }
    Path dir = Files.createDirectories(ctx.workDir().resolve("v2"));
    RuntimeDriver v2 = cgroup2Driver(ctx, dir);
    String id = ctx.newId();
    TestBundle b = TestBundle.create(dir.resolve("bundle"), id, ctx.ociVersion());
    b.config().shell(Scripts.SLEEPER);
    if (hugetlb) {
      b.config().generator().resources().hugepageLimit("2MB", HUGETLB);
    }
    if (pids) {
      b.config().generator().resources().pidsLimit(PIDS);
    }
    b.write();
    try {
      CallResult create = v2.create(b.dir(), id, null);
      if (!create.ok()) {
        ctx.requireBaseline(); // an unusable runtime is reported as such, not as a v2 refusal
        return skipped(
            "runtime refused cgroup v2 in a private mount namespace: " + create.describe());
      }
      var state = RuntimeOutput.json(v2.state(id));
      long pid = state.path("pid").asLong(-1);
      String path = host.v2Path(pid, "<no 0:: line>");
      Path cg = unified.resolve(path.substring(1));
      String h = hugetlb ? read(cg.resolve("hugetlb.2MB.max")) : "";
      String p = pids ? read(cg.resolve("pids.max")) : "";
      v2.kill(id, "KILL");
      Context.await(() -> v2.delete(id, true).ok(), Duration.ofSeconds(5));
      boolean removed = Context.await(() -> !Files.exists(cg), Duration.ofSeconds(2));
      return new CgroupV2Run("", controllers, id, path, h, p, removed);
    } finally {
      v2.delete(id, true);
    }
  }

  /**
   * The context's runtime, every call of it run in a private mount namespace with cgroup2 mounted
   * at /sys/fs/cgroup; the wrapper script and call output go to {@code dir}.
   */
  static RuntimeDriver cgroup2Driver(Context ctx, Path dir) throws IOException {
    Path wrapper = dir.resolve("runtime-in-cgroup2-ns");
    // Given the runtime's command line (executable, global options, subcommand) as arguments.
    Files.writeString(wrapper, ctx.cgroupHost().cgroup2Wrapper());
    Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwx------"));
    return ctx.driver().through(wrapper, dir);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).strip();
    } catch (IOException e) {
      return "<unreadable " + p + ">";
    }
  }
}
