package dev.ocikit.conformance.driver;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The host's processes as /proc shows them, to find what a runtime left running: by an environment
 * variable it inherited, by its command line or by its cgroup. Each entry holds the {@link
 * ProcessHandle} taken before its files were read, and killing goes through that handle, which
 * checks the start time: a pid reused meanwhile is never hit.
 */
public final class HostProcesses {
  /** Enough for any environment or command line a runtime sets up; more is cut, not buffered. */
  private static final int MAX_FILE = 256 * 1024;

  /**
   * One live process.
   *
   * @param handle the process, for killing and for its descendants
   * @param commandLine its arguments joined by spaces
   * @param environ its environment, entries separated by NUL
   * @param cgroup its /proc/PID/cgroup lines
   */
  public record Entry(ProcessHandle handle, String commandLine, String environ, String cgroup) {
    public long pid() {
      return handle.pid();
    }
  }

  private HostProcesses() {}

  /** Live processes (not zombies) matching {@code filter}, this JVM excluded. */
  public static List<Entry> matching(Predicate<Entry> filter) {
    List<Entry> found = new ArrayList<>();
    long self = ProcessHandle.current().pid();
    try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
      for (Path dir : proc) {
        long pid = Long.parseLong(dir.getFileName().toString());
        Optional<ProcessHandle> h = pid == self ? Optional.empty() : ProcessHandle.of(pid);
        if (h.isEmpty() || zombie(dir)) {
          continue;
        }
        Entry e =
            new Entry(
                h.get(),
                read(dir.resolve("cmdline")).replace('\0', ' ').strip(),
                read(dir.resolve("environ")),
                read(dir.resolve("cgroup")));
        if (filter.test(e)) {
          found.add(e);
        }
      }
    } catch (IOException | RuntimeException e) {
      // /proc entries vanish while we read; what was found so far is still worth acting on.
    }
    return found;
  }

  /** Processes whose environment holds exactly {@code name=value}. */
  public static List<Entry> withEnv(String name, String value) {
    String entry = name + "=" + value;
    return matching(e -> ("\0" + e.environ() + "\0").contains("\0" + entry + "\0"));
  }

  /**
   * SIGKILLs {@code p} and its descendants (descendants first) and waits up to 2 s for it to die.
   * Polled, because {@code onExit} of a process that is not our child first looks after 300 ms and
   * then ever more slowly; a zombie counts as dead, as its reaper (init) may take its time.
   */
  public static void kill(ProcessHandle p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (isAlive(p) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return; // still alive after SIGKILL is reported by the caller
      }
    }
  }

  /** Alive and not a zombie. */
  public static boolean isAlive(ProcessHandle p) {
    return p.isAlive() && !zombie(Path.of("/proc/" + p.pid()));
  }

  private static boolean zombie(Path dir) {
    String stat = read(dir.resolve("stat"));
    int close = stat.lastIndexOf(')');
    return close < 0 || close + 2 >= stat.length() || stat.charAt(close + 2) == 'Z';
  }

  private static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return new String(in.readNBytes(MAX_FILE), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
