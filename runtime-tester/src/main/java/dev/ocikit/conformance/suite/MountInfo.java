package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * One line of {@code /proc/PID/mountinfo} (proc(5)): the mount point and the optional fields that
 * carry propagation ({@code shared:N}, {@code master:N}, {@code propagate_from:N}, {@code
 * unbindable}). Read from the host for a created container, so nothing runs inside it.
 *
 * @param line the whole line, for failure messages
 * @param mountPoint field 5, relative to the reading process's root
 * @param tags the optional fields between field 6 and the "-" separator
 */
record MountInfo(String line, String mountPoint, List<String> tags) {

  /** The last mount at {@code mountPoint} in {@code pid}'s mount namespace (the visible one). */
  static MountInfo of(long pid, String mountPoint) {
    MountInfo found = null;
    for (String l : HostProc.read("/proc/" + pid + "/mountinfo").split("\n")) {
      String[] f = l.split(" ");
      if (f.length > 6 && f[4].equals(mountPoint)) {
        List<String> tags = new ArrayList<>();
        for (int i = 6; i < f.length && !f[i].equals("-"); i++) {
          tags.add(f[i]);
        }
        found = new MountInfo(l, f[4], tags);
      }
    }
    return found;
  }

  /** The propagation the tags describe: shared, slave, shared+slave, unbindable or private. */
  String propagation() {
    boolean shared = tags.stream().anyMatch(t -> t.startsWith("shared:"));
    boolean slave = tags.stream().anyMatch(t -> t.startsWith("master:"));
    if (tags.contains("unbindable")) {
      return "unbindable";
    }
    if (shared && slave) {
      return "shared+slave";
    }
    return shared ? "shared" : slave ? "slave" : "private";
  }
}
