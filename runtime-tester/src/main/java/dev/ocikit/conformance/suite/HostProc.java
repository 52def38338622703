package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.LongFunction;

/** Reads /proc on the host side, where the harness judges what a container process got. */
final class HostProc {
  /** Namespace types of config-linux.md mapped to their /proc/PID/ns names. */
  static final Map<String, String> NS_FILES =
      Map.of(
          "pid", "pid",
          "network", "net",
          "ipc", "ipc",
          "uts", "uts",
          "mount", "mnt",
          "cgroup", "cgroup",
          "user", "user",
          "time", "time");

  /**
   * A judge test's stand-in for {@code /proc/PID/mountinfo}: the table its scripted runtime wrote
   * for a container whose process runs on the host, where no config changes the mountinfo; null
   * (read /proc) in every real run and for any pid it returns null for.
   */
  static volatile LongFunction<String> mountinfoSource;

  private HostProc() {}

  /** The mountinfo of {@code pid} as the harness reads it from the host. */
  static String mountinfo(long pid) {
    LongFunction<String> source = mountinfoSource;
    String seam = source == null ? null : source.apply(pid);
    return seam != null ? seam : read("/proc/" + pid + "/mountinfo");
  }

  /** The namespace link of {@code pid} for a config type, e.g. {@code net:[4026531840]}. */
  static String ns(long pid, String type) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/" + pid + "/ns/" + NS_FILES.get(type)))
          .toString();
    } catch (IOException e) {
      return "<unreadable: " + e.getMessage() + ">";
    }
  }

  /** The namespace of this (the harness's, hence the runtime's) process. */
  static String ownNs(String type) {
    return ns(ProcessHandle.current().pid(), type);
  }

  /** A /proc file read through a stream (procfs sizes lie), or a description of the failure. */
  static String read(String path) {
    try (var in = Files.newInputStream(Path.of(path))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "<unreadable " + path + ": " + e.getMessage() + ">";
    }
  }

  /** The harness's bounding capability set (CapBnd of /proc/self/status), 0 when unreadable. */
  static long capBnd() {
    for (String line : read("/proc/self/status").split("\n")) {
      if (line.startsWith("CapBnd:")) {
        return Long.parseUnsignedLong(line.substring(7).strip(), 16);
      }
    }
    return 0;
  }

  /** At most {@code max} bytes from the start of a file another party wrote. */
  static String head(Path file, int max) throws IOException {
    try (var in = Files.newInputStream(file)) {
      return new String(in.readNBytes(max), StandardCharsets.UTF_8);
    }
  }

  /** The init pid of a created container, from its state; throws {@link Unmet} without one. */
  static long pidOf(Container c) {
    var state = c.state();
    long pid = state == null ? -1 : state.path("pid").asLong(-1);
    if (pid <= 0) {
      throw new Unmet("precondition: no pid in state " + state);
    }
    return pid;
  }
}
