package dev.ocikit.conformance.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The adaptations this host offers, tried in order when a runtime cannot run a trivial container as
 * it is. Measured on the reference host (Debian 12, cgroup v1 hybrid): crun 1.8.1 refuses the
 * hybrid layout ("cgroups in hybrid mode not supported, drop all controllers from cgroupv2") but
 * runs on a pure v1 view of the same host, which a private mount namespace without the (empty)
 * unified hierarchy gives it; the extra {@code unshare} costs about 20 ms per call.
 */
public final class HostAdaptations {
  /** Where a hybrid host mounts its unified (cgroup v2) hierarchy. */
  public static final String UNIFIED = "/sys/fs/cgroup/unified";

  private HostAdaptations() {}

  /** {@return the candidates for this host, read from {@code /proc/self/mountinfo}} */
  public static List<HostAdaptation> forThisHost() {
    try {
      return forMountInfo(Files.readString(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      return List.of();
    }
  }

  /**
   * The candidates for a host whose mount table is {@code mountinfo}: on a hybrid cgroup host
   * (cgroup2 at {@value #UNIFIED}, /sys/fs/cgroup itself not cgroup2), running the runtime in a
   * private mount namespace where the unified hierarchy is unmounted.
   *
   * @param mountinfo the content of {@code /proc/self/mountinfo}
   * @return the adaptations to try, in order; empty when none applies
   */
  public static List<HostAdaptation> forMountInfo(String mountinfo) {
    boolean unified = false;
    boolean pureV2 = false;
    for (String line : mountinfo.split("\n")) {
      String[] f = line.split(" ");
      int dash = List.of(f).indexOf("-");
      if (f.length < 5 || dash < 0 || dash + 1 >= f.length) {
        continue;
      }
      String mountPoint = f[4];
      String type = f[dash + 1];
      if ("cgroup2".equals(type) && UNIFIED.equals(mountPoint)) {
        unified = true;
      } else if ("cgroup2".equals(type) && "/sys/fs/cgroup".equals(mountPoint)) {
        pureV2 = true;
      }
    }
    return unified && !pureV2 ? List.of(withoutUnified()) : List.of();
  }

  /**
   * {@code unshare --mount} keeps the host's propagation types, so host mounts made later still
   * reach the runtime as they would without the adaptation; the unified mount is made private in
   * the new namespace first, so its unmount never propagates back to the host.
   */
  static HostAdaptation withoutUnified() {
    return new HostAdaptation(
        "private mount namespace without " + UNIFIED + " (the runtime sees a pure cgroup v1 host)",
        List.of(
            "unshare",
            "--mount",
            "--propagation",
            "unchanged",
            "sh",
            "-c",
            "mount --make-private "
                + UNIFIED
                + " && umount "
                + UNIFIED
                + " && exec \"$0\" \"$@\""));
  }
}
