package dev.ocikit.generate;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * What a host-specific config depends on, read from {@code /proc} and {@code /sys}; tests build
 * their own.
 *
 * @param capLastCap the kernel's highest capability number ({@code /proc/sys/kernel/cap_last_cap})
 * @param cgroupV2 whether {@code /sys/fs/cgroup} is the unified (v2) hierarchy
 * @param arch the machine architecture as Java names it ({@code amd64}, {@code aarch64}…)
 * @param cgroupNamespace whether the kernel has cgroup namespaces ({@code /proc/self/ns/cgroup})
 * @param euid the effective uid of this process
 * @param egid the effective gid of this process
 */
public record HostInfo(
    int capLastCap, boolean cgroupV2, String arch, boolean cgroupNamespace, long euid, long egid) {

  /**
   * Reads this machine's values.
   *
   * @return the values of the machine this process runs on
   * @throws IOException if a /proc file or this process's ids cannot be read
   */
  public static HostInfo detect() throws IOException {
    Path capLast = Path.of("/proc/sys/kernel/cap_last_cap");
    int lastCap =
        Files.isReadable(capLast)
            ? Integer.parseInt(firstLine(capLast))
            : LinuxCapabilities.ALL.size() - 1;
    boolean v2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));
    boolean cgroupNs = Files.exists(Path.of("/proc/self/ns/cgroup"), LinkOption.NOFOLLOW_LINKS);
    // /proc/self belongs to the effective uid and gid of the process reading it.
    Path self = Path.of("/proc/self");
    long uid = 0;
    long gid = 0;
    if (Files.exists(self)) {
      uid = ((Number) Files.getAttribute(self, "unix:uid")).longValue();
      gid = ((Number) Files.getAttribute(self, "unix:gid")).longValue();
    }
    return new HostInfo(lastCap, v2, System.getProperty("os.arch"), cgroupNs, uid, gid);
  }

  // Files.readString trusts the size procfs reports, which can cut the value short.
  private static String firstLine(Path file) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file)) {
      String line = r.readLine();
      return line == null ? "" : line.trim();
    }
  }
}
