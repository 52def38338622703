package dev.ocikit.validate.host;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the machine that will run the container offers, as read by {@code --host-specific} rules.
 * Every answer may be empty: a host that cannot be read (no /proc, permission denied) yields no
 * findings rather than guesses.
 *
 * <pre>{@code
 * Host host = Host.system();
 * host.filesystems().ifPresent(fs -> System.out.println(fs.contains("overlay")));
 * }</pre>
 */
public interface Host {
  /** The highest capability number the running kernel knows (/proc/sys/kernel/cap_last_cap). */
  OptionalInt lastCapability();

  /** Filesystem types the kernel lists in /proc/filesystems. */
  Optional<Set<String>> filesystems();

  /** The cgroup controllers the runtime can use. */
  Optional<Cgroups> cgroups();

  /** Network interface names in the runtime's network namespace (/sys/class/net). */
  Optional<Set<String>> networkInterfaces();

  /** Namespace kinds the kernel offers, as named under /proc/self/ns (mnt, net, pid, time…). */
  Optional<Set<String>> namespaceKinds();

  /** Whether the kernel supports seccomp (a Seccomp line in /proc/self/status). */
  Optional<Boolean> seccomp();

  /** What is at the absolute path {@code path} in the runtime's mount namespace. */
  FileKind fileAt(String path);

  /**
   * The cgroup controllers of the host.
   *
   * @param version 2 on a unified host; 1 on a legacy or hybrid host
   * @param controllers the controllers of that version's hierarchies
   * @param unifiedControllers controllers on a cgroup v2 hierarchy (on a hybrid host, those of the
   *     unified mount; empty on a pure v1 host)
   */
  record Cgroups(int version, Set<String> controllers, Set<String> unifiedControllers) {
    // Copies the sets.
    public Cgroups {
      controllers = Set.copyOf(controllers);
      unifiedControllers = Set.copyOf(unifiedControllers);
    }
  }

  /** What a path names. */
  enum FileKind {
    /** Nothing is there. */
    MISSING,
    /** A regular file the runtime may execute. */
    EXECUTABLE,
    /** Something that cannot be executed: a directory, or a file without execute permission. */
    NOT_EXECUTABLE,
    /** Could not be told (permission denied, I/O error). */
    UNKNOWN
  }

  /** This machine, read through /proc and /sys. */
  static Host system() {
    return LinuxHost.system();
  }
}
