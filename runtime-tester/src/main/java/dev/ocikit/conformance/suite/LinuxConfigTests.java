package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.cgroup.CgroupLayout;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.LinuxDevice;
import dev.ocikit.spec.runtime.LinuxDeviceType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * config-linux.md sentences judged one container each: a namespace path of the wrong type, a device
 * outside /dev, the same cgroupsPath twice, and a pids limit of 0.
 */
final class LinuxConfigTests {
  private static final String DOC = "config-linux.md";

  /** A device node outside /dev: c 1:3 (null), mode 0620. */
  static final String OUTSIDE_DEV = "/ocikit-dev/null";

  private LinuxConfigTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "namespaces.path-type-mismatch",
            DOC,
            "namespaces",
            Level.MUST,
            "a network namespace entry whose path is a pid namespace makes create fail",
            LinuxConfigTests::pathTypeMismatch),
        of(
            "linux.devices.outside-dev",
            DOC,
            "devices",
            Level.MAY,
            "a linux.devices entry outside /dev (" + OUTSIDE_DEV + ") is created there",
            LinuxConfigTests::outsideDev),
        of(
            "cgroups.path-consistent",
            DOC,
            "cgroups-path",
            Level.MUST,
            "two containers created one after the other with the same relative cgroupsPath land"
                + " in the same cgroups",
            LinuxConfigTests::pathConsistent),
        of(
                "cgroups.pids-zero",
                DOC,
                "pids",
                Level.SHOULD,
                "pids.limit 0 is a limit of no new tasks: the container cgroup's pids.max reads 0",
                LinuxConfigTests::pidsZero)
            // "0 is a limit" is runtime-spec#1279, released in 1.3.0.
            .since("1.3.0"));
  }

  private static Verdict pathTypeMismatch(Context ctx) throws Exception {
    Map<String, String> ns = new LinkedHashMap<>();
    for (String t : new String[] {"pid", "ipc", "uts", "mount"}) {
      ns.put(t, null);
    }
    // The harness's own pid namespace file: a namespace that exists, of another type.
    ns.put("network", "/proc/" + ProcessHandle.current().pid() + "/ns/pid");
    return InvalidConfigTests.mustRefuse(ctx, cfg -> cfg.namespaces(ns));
  }

  private static Verdict outsideDev(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "/bin/busybox stat -c '%F %t:%T %a' "
                + OUTSIDE_DEV
                + " > $MARK/device 2>&1; "
                + Scripts.QUICK)
        .generator()
        .linuxSettings()
        .device(
            LinuxDevice.builder()
                .path(OUTSIDE_DEV)
                .type(LinuxDeviceType.C)
                .major(1L)
                .minor(3L)
                .fileMode(0620L)
                .uid(0L)
                .gid(0L)
                .build());
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create with a device at " + OUTSIDE_DEV + " succeeds", r.describe());
    }
    c.startOk();
    c.awaitMarker("ran");
    return judgeDevice(c.marker("device").strip());
  }

  /** busybox {@code stat -c '%F %t:%T %a'} of the device must show c 1:3 with mode 620. */
  static Verdict judgeDevice(String stat) {
    return Verdict.expect(
        "character special file 1:3 620".equals(stat),
        "character special file 1:3 620",
        stat.isEmpty() ? "<no output>" : stat);
  }

  private static Verdict pathConsistent(Context ctx) throws Exception {
    // Relative: where it lands is the runtime's choice, but it must be the same choice each time.
    String path = null;
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Container c = ctx.container();
      path = path == null ? "ocikit-consistent-" + c.id() : path;
      c.bundle().config().shell(Scripts.SLEEPER).generator().linuxSettings().cgroupsPath(path);
      c.createOk();
      seen.add(ctx.cgroupHost().procCgroup(HostProc.pidOf(c)));
      // Forced: the first container must be gone before the second, whatever kill of a created
      // container does (runsc refuses it); delete itself is judged elsewhere.
      CallResult d = ctx.driver().delete(c.id(), true);
      if (!d.ok()) {
        throw new Unmet("precondition: delete of container " + c.id() + " failed: " + d.describe());
      }
    }
    List<String> diff = cgroupDifferences(seen.get(0), seen.get(1));
    return Verdict.expect(
        diff.isEmpty(),
        "the same /proc/PID/cgroup for both containers of cgroupsPath " + path,
        String.join("; ", diff));
  }

  /**
   * The hierarchies whose cgroup differs between two {@code /proc/PID/cgroup} texts (lines {@code
   * ID:CONTROLLERS:PATH}), each as {@code CONTROLLERS: first -> second}.
   */
  static List<String> cgroupDifferences(String first, String second) {
    Map<String, String> a = byHierarchy(first);
    Map<String, String> b = byHierarchy(second);
    List<String> out = new ArrayList<>();
    if (a.isEmpty()) {
      out.add("no cgroup lines for the first container");
    }
    Map<String, String> all = new LinkedHashMap<>(a);
    b.forEach(all::putIfAbsent);
    for (String h : all.keySet()) {
      if (!java.util.Objects.equals(a.get(h), b.get(h))) {
        out.add((h.isEmpty() ? "(v2)" : h) + ": " + a.get(h) + " -> " + b.get(h));
      }
    }
    return out;
  }

  private static Map<String, String> byHierarchy(String procCgroup) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : procCgroup.split("\n")) {
      String[] f = line.strip().split(":", 3);
      if (f.length == 3) {
        out.put(f[1], f[2]);
      }
    }
    return out;
  }

  private static Verdict pidsZero(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).generator().resources().pidsLimit(0);
    c.createOk();
    CgroupLayout layout = ctx.cgroupHost().layout();
    long pid = HostProc.pidOf(c);
    String path = layout.pathOf(pid, "pids").orElse(null);
    if (path == null) {
      return Verdict.skip("the container process is in no pids cgroup (" + layout.describe() + ")");
    }
    Path file = layout.dir("pids", path).resolve(layout.pidsLimitFile());
    String value = Files.exists(file) ? Files.readString(file).strip() : "<no " + file + ">";
    return Verdict.expect("0".equals(value), "pids.max 0", value + " in " + file);
  }
}
