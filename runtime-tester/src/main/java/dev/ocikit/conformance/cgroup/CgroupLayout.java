package dev.ocikit.conformance.cgroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a process's cgroup limits live on this host. cgroup v2 has one tree with {@code memory.max}
 * and {@code pids.max}; v1 (and hybrid, v1 controllers plus an empty unified tree) has a tree per
 * controller with {@code memory.limit_in_bytes}.
 */
public final class CgroupLayout {
  private final Path root;
  private final Path proc;
  private final boolean v2;

  private CgroupLayout(Path root, Path proc, boolean v2) {
    this.root = root;
    this.proc = proc;
    this.v2 = v2;
  }

  /** Detects the layout mounted at /sys/fs/cgroup. */
  public static CgroupLayout detect() {
    return detect(Path.of("/sys/fs/cgroup"), Path.of("/proc"));
  }

  /**
   * Detects the layout mounted at {@code root}, reading memberships under {@code proc}: the host's
   * are /sys/fs/cgroup and /proc; a judge test passes a temp tree a fake runtime fills.
   */
  public static CgroupLayout detect(Path root, Path proc) {
    return new CgroupLayout(root, proc, Files.exists(root.resolve("cgroup.controllers")));
  }

  public boolean isV2() {
    return v2;
  }

  /** "v2", or "v1" / "v1 hybrid" for per-controller trees. */
  public String describe() {
    if (v2) {
      return "v2";
    }
    return Files.isDirectory(root.resolve("unified")) ? "v1 hybrid" : "v1";
  }

  /** The cgroup path of {@code pid} for {@code controller} (ignored on v2), from proc. */
  public Optional<String> pathOf(long pid, String controller) throws IOException {
    for (String line : Files.readAllLines(proc.resolve(pid + "/cgroup"))) {
      String[] f = line.split(":", 3);
      if (f.length < 3) {
        continue;
      }
      boolean match =
          v2
              ? f[0].equals("0") && f[1].isEmpty()
              : java.util.List.of(f[1].split(",")).contains(controller);
      if (match) {
        return Optional.of(f[2]);
      }
    }
    return Optional.empty();
  }

  /** The directory of cgroup {@code path} for {@code controller}. */
  public Path dir(String controller, String path) {
    Path base = v2 ? root : root.resolve(controller);
    return base.resolve(path.startsWith("/") ? path.substring(1) : path);
  }

  /** The file holding the memory limit inside a memory cgroup dir. */
  public String memoryLimitFile() {
    return v2 ? "memory.max" : "memory.limit_in_bytes";
  }

  /** The file holding the pids limit inside a pids cgroup dir. */
  public String pidsLimitFile() {
    return "pids.max";
  }
}
