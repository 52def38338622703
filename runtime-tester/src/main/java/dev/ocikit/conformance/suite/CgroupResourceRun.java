package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.cgroup.CgroupLayout;
import dev.ocikit.generate.ResourceSettings;
import dev.ocikit.spec.runtime.LinuxDeviceCgroup;
import dev.ocikit.spec.runtime.LinuxDeviceCgroupType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One created container with cpu, cpuset, devices and (where the host has the controller) blkio
 * weight, hugetlb and net_cls limits; the values its cgroup files hold, read from the host. Limits
 * whose controller or file the host lacks are left out of the config, with the reason kept so the
 * matching test can skip.
 *
 * @param layout description of the cgroup layout
 * @param files cgroup file name to its content (or an unreadable marker)
 * @param missing resource to the reason it was not configured
 */
record CgroupResourceRun(String layout, Map<String, String> files, Map<String, String> missing) {
  static final long SHARES = 512;
  static final long QUOTA = 50000;
  static final long PERIOD = 100000;
  static final int WEIGHT = 500;
  static final long HUGETLB = 4L * 1024 * 1024;
  static final long CLASSID = 0x100001;

  static CgroupResourceRun get(Context ctx) throws Exception {
    return ctx.observations().get("cgroup-resources", () -> make(ctx));
  }

  private static CgroupResourceRun make(Context ctx) throws Exception {
    CgroupHost host = ctx.cgroupHost();
    CgroupLayout layout = host.layout();
    Path root = host.root();
    Map<String, String> missing = new HashMap<>();
    Container c = ctx.container();
    var cfg = c.bundle().config();
    cfg.shell(Scripts.SLEEPER);
    ResourceSettings res = cfg.generator().resources();
    res.cpuShares(SHARES).cpuQuota(QUOTA).cpuPeriod(PERIOD).cpus("0").mems("0");
    // The default config denies all devices ("a" rwm) first, as runc spec does.
    res.deviceRule(
        LinuxDeviceCgroup.builder()
            .allow(true)
            .type(LinuxDeviceCgroupType.C)
            .major(10L)
            .minor(229L)
            .access("rw")
            .build());
    String weightFile = layout.isV2() ? "io.weight" : weightFileV1(root);
    if (weightFile == null) {
      missing.put("blkio", "host has neither blkio.weight nor blkio.bfq.weight (no CFQ/BFQ)");
    } else {
      cfg.generator().resources().blockIoWeight(WEIGHT);
    }
    boolean hugetlb =
        (layout.isV2()
                ? controllers(root).contains("hugetlb")
                : Files.isDirectory(root.resolve("hugetlb")))
            && host.hugepages2M();
    if (hugetlb) {
      cfg.generator().resources().hugepageLimit("2MB", HUGETLB);
    } else {
      missing.put("hugetlb", "host has no hugetlb controller in " + layout.describe() + " layout");
    }
    boolean netCls = !layout.isV2() && Files.isDirectory(root.resolve("net_cls"));
    if (netCls) {
      cfg.generator().resources().networkClassId(CLASSID);
    } else {
      missing.put(
          "network",
          layout.isV2() ? "cgroup v2 has no net_cls" : "host has no net_cls controller mounted");
    }
    c.createOk();
    long pid = HostProc.pidOf(c);
    Map<String, String> files = new HashMap<>();
    read(layout, pid, "cpu", files, "cpu.shares", "cpu.cfs_quota_us", "cpu.cfs_period_us");
    read(layout, pid, "cpu", files, "cpu.weight", "cpu.max");
    read(layout, pid, "cpuset", files, "cpuset.cpus", "cpuset.mems");
    read(layout, pid, "devices", files, "devices.list");
    read(layout, pid, "blkio", files, "blkio.weight", "blkio.bfq.weight", "io.weight");
    read(layout, pid, "hugetlb", files, "hugetlb.2MB.limit_in_bytes", "hugetlb.2MB.max");
    read(layout, pid, "net_cls", files, "net_cls.classid");
    c.kill("KILL");
    return new CgroupResourceRun(layout.describe(), files, missing);
  }

  private static String weightFileV1(Path root) {
    for (String f : new String[] {"blkio.weight", "blkio.bfq.weight"}) {
      if (Files.exists(root.resolve("blkio").resolve(f))) {
        return f;
      }
    }
    return null;
  }

  static String controllers(Path unified) {
    try {
      return Files.readString(unified.resolve("cgroup.controllers")).strip();
    } catch (IOException e) {
      return "";
    }
  }

  private static void read(
      CgroupLayout layout, long pid, String controller, Map<String, String> out, String... names)
      throws IOException {
    String path = layout.pathOf(pid, controller).orElse(null);
    for (String n : names) {
      if (path == null) {
        continue;
      }
      Path f = layout.dir(controller, path).resolve(n);
      if (Files.exists(f)) {
        out.put(n, HostProc.read(f.toString()).strip());
      }
    }
  }

  /** The first of {@code names} that was read, as "name=value", or what is missing. */
  String value(String... names) {
    for (String n : names) {
      if (files.containsKey(n)) {
        return files.get(n);
      }
    }
    return "<none of " + String.join(", ", names) + " in " + layout + ">";
  }
}
