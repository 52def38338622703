package dev.ocikit.conformance.suite;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.cgroup.CgroupLayout;
import dev.ocikit.generate.BlockIoSettings;
import dev.ocikit.generate.ResourceSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * config-linux.md memory, CPU and block IO fields {@link CgroupResourceTests} and {@link
 * CgroupLimitTests} leave out: memory reservation, swappiness and kernelTCP, the real-time runtime
 * and period, and IOPS throttles. One created container carries every field whose cgroup file the
 * host has (a field set for a file the host lacks could make a correct runtime fail); each test
 * reads its file back from the host, or SKIPs naming the file the host lacks. Also Intel RDT on a
 * host without resctrl, where the runtime MUST refuse.
 */
final class CgroupExtraTests {
  private static final String DOC = "config-linux.md";
  static final long RESERVATION = 48L << 20;
  static final long SWAPPINESS = 17;
  static final long KERNEL_TCP = 24L << 20;
  static final long RT_RUNTIME = 10_000;
  static final long RT_PERIOD = 500_000;
  static final long READ_IOPS = 345;
  static final long WRITE_IOPS = 678;

  /** What the shared container's cgroup files said, and why a field was not set. */
  record Run(String layout, Map<String, String> files, Map<String, String> missing) {
    Verdict eq(String file, String want) {
      if (missing.containsKey(file)) {
        return Verdict.skip(missing.get(file));
      }
      String got = files.getOrDefault(file, "<" + file + " not readable in " + layout + ">");
      return Verdict.expect(got.equals(want), file + " = " + want, file + " = " + got);
    }
  }

  private CgroupExtraTests() {}

  static List<SpecTest> all() {
    return List.of(
        test(
            "cgroups.memory-reservation",
            "memory",
            "memory.reservation is the cgroup's soft limit (v1 memory.soft_limit_in_bytes, v2"
                + " memory.low)",
            r ->
                r.files().containsKey("memory.low") || r.missing().containsKey("memory.low")
                    ? r.eq("memory.low", String.valueOf(RESERVATION))
                    : r.eq("memory.soft_limit_in_bytes", String.valueOf(RESERVATION))),
        test(
            "cgroups.memory-swappiness",
            "memory",
            "memory.swappiness is the cgroup's memory.swappiness (cgroup v1)",
            r -> r.eq("memory.swappiness", String.valueOf(SWAPPINESS))),
        test(
            "cgroups.memory-kernel-tcp",
            "memory",
            "memory.kernelTCP is the cgroup's memory.kmem.tcp.limit_in_bytes (cgroup v1)",
            r -> r.eq("memory.kmem.tcp.limit_in_bytes", String.valueOf(KERNEL_TCP))),
        test(
            "cgroups.cpu.realtime",
            "cpu",
            "cpu.realtimeRuntime and realtimePeriod are the cgroup's cpu.rt_runtime_us and"
                + " cpu.rt_period_us (cgroup v1)",
            r ->
                r.eq("cpu.rt_period_us", String.valueOf(RT_PERIOD))
                    .and(() -> r.eq("cpu.rt_runtime_us", String.valueOf(RT_RUNTIME)))),
        test(
            "cgroups.blkio-throttle-iops",
            "block-io",
            "throttleReadIOPSDevice and throttleWriteIOPSDevice reach the cgroup for the first"
                + " disk",
            CgroupExtraTests::iops),
        SpecTest.of(
            "linux.intel-rdt.no-resctrl",
            DOC,
            "intelrdt",
            Level.MUST,
            "with intelRdt set and no resctrl filesystem mounted, create fails",
            CgroupExtraTests::noResctrl));
  }

  private static SpecTest test(String id, String anchor, String title, Function<Run, Verdict> j) {
    return SpecTest.of(id, DOC, anchor, Level.MUST, title, ctx -> j.apply(run(ctx)));
  }

  private static Verdict iops(Run r) {
    if (r.missing().containsKey("iops")) {
      return Verdict.skip(r.missing().get("iops"));
    }
    String disk = r.files().get("disk");
    if (r.files().containsKey("io.max")) {
      String line = r.files().get("io.max");
      return Verdict.expect(
          CgroupLimitTests.holds(line, disk + " riops=" + READ_IOPS + " wiops=" + WRITE_IOPS),
          "io.max has " + disk + " riops=" + READ_IOPS + " wiops=" + WRITE_IOPS,
          "io.max = " + line);
    }
    return r.eq("blkio.throttle.read_iops_device", disk + " " + READ_IOPS)
        .and(() -> r.eq("blkio.throttle.write_iops_device", disk + " " + WRITE_IOPS));
  }

  static Run run(Context ctx) throws Exception {
    return ctx.observations().get("cgroup-extras", () -> make(ctx));
  }

  private static Run make(Context ctx) throws Exception {
    CgroupLayout layout = ctx.cgroupHost().layout();
    Path root = ctx.cgroupHost().root();
    boolean v2 = layout.isV2();
    Map<String, String> missing = new HashMap<>();
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    ResourceSettings res = c.bundle().config().generator().resources();
    String mem = v2 ? "memory.low" : "memory.soft_limit_in_bytes";
    if (has(root, v2, "memory", mem, missing)) {
      res.memoryReservation(RESERVATION);
    }
    if (has(root, v2, "memory", "memory.swappiness", missing)) {
      res.memorySwappiness(SWAPPINESS);
    }
    if (has(root, v2, "memory", "memory.kmem.tcp.limit_in_bytes", missing)) {
      res.memoryKernelTcp(KERNEL_TCP);
    }
    boolean rt = has(root, v2, "cpu", "cpu.rt_runtime_us", missing);
    if (rt) {
      res.cpuRealtimePeriod(RT_PERIOD).cpuRealtimeRuntime(RT_RUNTIME);
    } else {
      missing.put("cpu.rt_period_us", missing.get("cpu.rt_runtime_us"));
    }
    Optional<String> disk = CgroupLimitTests.firstDisk(ctx.cgroupHost());
    String iopsFile = v2 ? "io.max" : "blkio.throttle.read_iops_device";
    if (disk.isEmpty()) {
      missing.put("iops", "no block disk in /sys/block (other than loop, ram, zram) to throttle");
    } else if (!has(root, v2, v2 ? "io" : "blkio", iopsFile, missing)) {
      missing.put("iops", missing.get(iopsFile));
    } else {
      String[] mm = disk.get().split(":");
      long major = Long.parseLong(mm[0]);
      long minor = Long.parseLong(mm[1]);
      BlockIoSettings io = res.blockIO();
      io.throttle(BlockIoSettings.Throttle.READ_IOPS, major, minor, READ_IOPS);
      io.throttle(BlockIoSettings.Throttle.WRITE_IOPS, major, minor, WRITE_IOPS);
    }
    c.createOk();
    long pid = HostProc.pidOf(c);
    Map<String, String> files = new HashMap<>();
    disk.ifPresent(d -> files.put("disk", d));
    read(layout, pid, "memory", files, mem, "memory.swappiness", "memory.kmem.tcp.limit_in_bytes");
    read(layout, pid, "cpu", files, "cpu.rt_runtime_us", "cpu.rt_period_us");
    read(
        layout,
        pid,
        v2 ? "io" : "blkio",
        files,
        "io.max",
        "blkio.throttle.read_iops_device",
        "blkio.throttle.write_iops_device");
    c.kill("KILL");
    return new Run(layout.describe(), files, missing);
  }

  /** Whether the host's cgroup root has {@code file}; records why not in {@code missing}. */
  private static boolean has(
      Path root, boolean v2, String controller, String file, Map<String, String> missing) {
    Path dir = v2 ? root : root.resolve(controller);
    if (Files.exists(dir.resolve(file))) {
      return true;
    }
    missing.put(file, "host has no " + file + " in " + dir + " (" + (v2 ? "v2" : "v1") + ")");
    return false;
  }

  private static void read(
      CgroupLayout layout, long pid, String controller, Map<String, String> out, String... names)
      throws Exception {
    Optional<String> path = layout.pathOf(pid, controller);
    for (String n : names) {
      Path f = path.map(p -> layout.dir(controller, p).resolve(n)).orElse(null);
      if (f != null && Files.exists(f)) {
        out.put(n, HostProc.read(f.toString()).strip());
      }
    }
  }

  private static Verdict noResctrl(Context ctx) throws Exception {
    boolean mounted =
        HostProc.read("/proc/self/mountinfo").lines().anyMatch(l -> l.contains(" - resctrl "));
    if (mounted) {
      ctx.requireBaseline();
      return Verdict.skip("resctrl is mounted on this host; this test needs a host without it");
    }
    ctx.requireBaseline();
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK);
    c.bundle().config().generator().linuxSettings().intelRdtL3CacheSchema("L3:0=f");
    var r = c.create();
    return Verdict.expect(
        r.refused(),
        "create fails: intelRdt is set and no resctrl is mounted",
        r.ok() ? "create succeeded; status " + c.status() : r.describe());
  }
}
