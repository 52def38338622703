package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.cgroup.CgroupLayout;
import dev.ocikit.generate.BlockIoSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * config-linux.md memory swap, block I/O throttling and relative cgroup paths, read back from the
 * created container's cgroup files on the host. A file the host lacks (no swap accounting, no
 * throttling, no block disk) is a SKIP naming what is missing.
 */
final class CgroupLimitTests {
  private static final String DOC = "config-linux.md";
  static final long MEMORY = 64L << 20;
  static final long SWAP = 128L << 20;
  static final long READ_BPS = 1L << 20;

  private CgroupLimitTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "cgroups.memory-swap",
            DOC,
            "memory",
            Level.MUST,
            "memory.swap (memory+swap) is set: memsw.limit_in_bytes on v1, swap.max = swap-limit"
                + " on v2",
            CgroupLimitTests::swap),
        of(
            "cgroups.blkio-throttle",
            DOC,
            "block-io",
            Level.MUST,
            "throttleReadBpsDevice reaches blkio.throttle.read_bps_device (v1) or io.max (v2)",
            CgroupLimitTests::throttle),
        of(
            "cgroups.path-relative",
            DOC,
            "cgroups-path",
            Level.MAY,
            "a relative cgroupsPath is placed under the runtime's own cgroup",
            CgroupLimitTests::relative));
  }

  private static Verdict swap(Context ctx) throws Exception {
    CgroupLayout layout = ctx.cgroupHost().layout();
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).generator().resources().memoryLimit(MEMORY);
    c.bundle().config().generator().resources().memorySwap(SWAP);
    String file = layout.isV2() ? "memory.swap.max" : "memory.memsw.limit_in_bytes";
    long want = layout.isV2() ? SWAP - MEMORY : SWAP;
    return readBack(ctx, c, layout, "memory", file, String.valueOf(want));
  }

  private static Verdict throttle(Context ctx) throws Exception {
    CgroupLayout layout = ctx.cgroupHost().layout();
    Optional<String> disk = firstDisk(ctx.cgroupHost());
    if (disk.isEmpty()) {
      ctx.requireBaseline();
      return Verdict.skip("no block disk in /sys/block (other than loop, ram, zram) to throttle");
    }
    String[] mm = disk.get().split(":");
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    c.bundle()
        .config()
        .generator()
        .resources()
        .blockIO()
        .throttle(
            BlockIoSettings.Throttle.READ_BPS,
            Long.parseLong(mm[0]),
            Long.parseLong(mm[1]),
            READ_BPS);
    String file = layout.isV2() ? "io.max" : "blkio.throttle.read_bps_device";
    String want = disk.get() + (layout.isV2() ? " rbps=" : " ") + READ_BPS;
    return readBack(ctx, c, layout, layout.isV2() ? "io" : "blkio", file, want);
  }

  private static Verdict readBack(
      Context ctx, Container c, CgroupLayout layout, String controller, String file, String want)
      throws Exception {
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create succeeds", r.describe());
    }
    long pid = HostProc.pidOf(c);
    Optional<String> path = layout.pathOf(pid, controller);
    Path f = path.map(p -> layout.dir(controller, p).resolve(file)).orElse(null);
    if (f == null || !Files.exists(f)) {
      return Verdict.skip(
          "host has no " + file + " in the " + layout.describe() + " " + controller + " cgroup");
    }
    String got = HostProc.read(f.toString()).strip();
    return Verdict.expect(holds(got, want), file + " has " + want, file + ": " + got);
  }

  /**
   * Whether a cgroup file's {@code content} holds {@code want} ("KEY VALUE..."): a line with the
   * same first token that has each of want's tokens whole. A substring match would take a value off
   * by a digit ({@code 1048576} in {@code 10485760}) for the one configured.
   */
  static boolean holds(String content, String want) {
    List<String> w = List.of(want.strip().split("\\s+"));
    return content
        .lines()
        .map(l -> List.of(l.strip().split("\\s+")))
        .anyMatch(l -> l.get(0).equals(w.get(0)) && l.containsAll(w));
  }

  private static Verdict relative(Context ctx) throws Exception {
    CgroupLayout layout = ctx.cgroupHost().layout();
    // memory: on the reference host the harness sits in a non-root memory cgroup, so "under the
    // runtime's cgroup" differs from "at the root"; on v2 the controller name is ignored.
    String controller = "memory";
    String own =
        layout.pathOf(ProcessHandle.current().pid(), controller).orElse("<no " + controller + ">");
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).generator().linuxSettings().cgroupsPath(c.id());
    var r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return Verdict.fail("create with a relative cgroupsPath succeeds", r.describe());
    }
    String got = layout.pathOf(HostProc.pidOf(c), controller).orElse("<none>");
    String want = (own.endsWith("/") ? own : own + "/") + c.id();
    return Verdict.expect(
        got.equals(want), controller + " cgroup " + want, controller + " cgroup " + got);
  }

  /** MAJOR:MINOR of the host's first whole disk, e.g. {@code 254:0} for vda. */
  static Optional<String> firstDisk(CgroupHost host) {
    try (Stream<Path> s = Files.list(host.block())) {
      return s.filter(p -> !p.getFileName().toString().matches("(loop|ram|zram|nbd|dm-).*"))
          .sorted()
          .map(p -> HostProc.read(p.resolve("dev").toString()).strip())
          .filter(d -> d.matches("\\d+:\\d+"))
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
