package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.bundle.TestBundle;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * config-linux.md "Unified": keys of {@code linux.resources.unified} reach the container's cgroup
 * v2 files verbatim, known to the runtime or not, with the controllers they need enabled. On a pure
 * v2 host the runtime is called as it is; on a v1 hybrid host through {@link
 * CgroupV2Run#cgroup2Driver} (cgroup2 mounted at /sys/fs/cgroup in a private mount namespace) and
 * the files are read under /sys/fs/cgroup/unified; a pure v1 host has no v2 hierarchy to judge.
 */
final class UnifiedTests {
  private static final String DOC = "config-linux.md";

  /** A core cgroup v2 file no typed config field maps to, so a runtime cannot "know" it. */
  static final String CORE_KEY = "cgroup.max.descendants";

  static final String CORE_VALUE = "7";

  private UnifiedTests() {}

  static List<SpecTest> all() {
    return List.of(
        SpecTest.of(
                "cgroups.unified.write-unknown",
                DOC,
                "unified",
                Level.MUST,
                "unified "
                    + CORE_KEY
                    + " "
                    + CORE_VALUE
                    + " (no typed field) is written to the"
                    + " container's cgroup file",
                ctx -> {
                  String[] got = readBack(ctx, CORE_KEY, CORE_VALUE);
                  return got[0] != null ? Verdict.skip(got[0]) : judge(CORE_VALUE, got[1]);
                })
            // cgroup v2 and unified came with runtime-spec#1040, released in 1.1.0.
            .since("1.1.0"),
        SpecTest.of(
                "cgroups.unified.enable-controllers",
                DOC,
                "unified",
                Level.MUST,
                "a unified key of a controller (memory.high, pids.max or hugetlb.2MB.rsvd.max,"
                    + " whichever the hierarchy offers) alone gets its controller enabled and its"
                    + " value written",
                UnifiedTests::enableControllers)
            .since("1.1.0"));
  }

  private static Verdict enableControllers(Context ctx) throws Exception {
    Path root = hierarchy(ctx.cgroupHost());
    if (root == null) {
      ctx.requireBaseline();
      return Verdict.skip("the host has no cgroup v2 hierarchy (/sys/fs/cgroup/unified)");
    }
    String controllers = CgroupResourceRun.controllers(root);
    String[] kv = controllerKey(controllers, ctx.cgroupHost().hugepages2M());
    if (kv == null) {
      ctx.requireBaseline();
      return Verdict.skip(
          "the v2 hierarchy offers none of memory, pids, hugetlb (2MB pages): cgroup.controllers '"
              + controllers
              + "'");
    }
    String[] got = readBack(ctx, kv[0], kv[1]);
    return got[0] != null ? Verdict.skip(got[0]) : judge(kv[1], got[1]);
  }

  /**
   * A unified key and value of a controller the hierarchy offers, or null; hugetlb needs the kernel
   * to offer 2 MB pages ({@code hugepages2M}).
   */
  static String[] controllerKey(String controllers, boolean hugepages2M) {
    List<String> c = List.of(controllers.split("\\s+"));
    if (c.contains("memory")) {
      return new String[] {"memory.high", "67108864"};
    }
    if (c.contains("pids")) {
      return new String[] {"pids.max", "23"};
    }
    if (c.contains("hugetlb") && hugepages2M) {
      return new String[] {"hugetlb.2MB.rsvd.max", "2097152"};
    }
    return null;
  }

  /** The file must hold exactly the configured value. */
  static Verdict judge(String want, String got) {
    return Verdict.expect(want.equals(got), want, got);
  }

  /** /sys/fs/cgroup on a v2 host, its unified mount on a hybrid one, else null. */
  private static Path hierarchy(CgroupHost host) {
    if (host.v2()) {
      return host.root();
    }
    return Files.exists(host.unified().resolve("cgroup.controllers")) ? host.unified() : null;
  }

  /**
   * Creates a container with {@code unified {key: value}} and reads the file back: {skip reason,
   * null} when it cannot be judged here, else {null, content}.
   */
  private static String[] readBack(Context ctx, String key, String value) throws Exception {
    CgroupHost host = ctx.cgroupHost();
    Path root = hierarchy(host);
    if (root == null) {
      ctx.requireBaseline();
      return new String[] {"the host has no cgroup v2 hierarchy (/sys/fs/cgroup/unified)", null};
    }
    Path dir = Files.createDirectories(ctx.workDir().resolve("unified-" + key));
    RuntimeDriver driver =
        root.equals(host.unified()) ? CgroupV2Run.cgroup2Driver(ctx, dir) : ctx.driver();
    String id = ctx.newId();
    TestBundle b = TestBundle.create(dir.resolve("bundle"), id, ctx.ociVersion());
    b.config().shell(Scripts.SLEEPER).generator().resources().unified(key, value);
    b.write();
    try {
      CallResult create = driver.create(b.dir(), id, null);
      if (!create.ok()) {
        ctx.requireBaseline();
        return new String[] {null, "create failed: " + create.describe()};
      }
      long pid = RuntimeOutput.json(driver.state(id)).path("pid").asLong(-1);
      String path = host.v2Path(pid, "/<no 0:: line>");
      Path file = root.resolve(path.substring(1)).resolve(key);
      return new String[] {null, read(file)};
    } finally {
      driver.kill(id, "KILL");
      Context.await(() -> driver.delete(id, true).ok(), Duration.ofSeconds(5));
    }
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).strip();
    } catch (IOException e) {
      return "<unreadable " + p + ">";
    }
  }
}
