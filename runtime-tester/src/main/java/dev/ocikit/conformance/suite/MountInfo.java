package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One line of {@code /proc/PID/mountinfo} (proc(5)): {@code ID PARENT MAJ:MIN ROOT MOUNT-POINT
 * MOUNT-OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER-OPTIONS}. The per-mount options are the flags
 * of this mount (ro/rw, nosuid, nodev, noexec, noatime, nodiratime, relatime, nosymfollow), the
 * super options those of the filesystem (ro/rw, sync, dirsync, lazytime, then its own), and the
 * optional fields carry propagation ({@code shared:N}, {@code master:N}, {@code propagate_from:N},
 * {@code unbindable}).
 *
 * @param line the whole line, for failure messages
 * @param mountPoint field 5, relative to the reading process's root
 * @param tags the optional fields between field 6 and the "-" separator
 */
record MountInfo(String line, String mountPoint, List<String> tags) {

  /** The line parsed, or null when it lacks the fields and separator proc(5) describes. */
  static MountInfo parse(String line) {
    String[] f = line.strip().split(" ");
    int sep = Arrays.asList(f).indexOf("-");
    if (f.length < 6 || sep < 6 || f.length < sep + 3) {
      return null;
    }
    return new MountInfo(line.strip(), f[4], List.of(f).subList(6, sep));
  }

  /** Every well-formed line of a mountinfo text, in order (the order mounts were made). */
  static List<MountInfo> parseAll(String text) {
    List<MountInfo> all = new ArrayList<>();
    for (String l : text.split("\n")) {
      MountInfo m = parse(l);
      if (m != null) {
        all.add(m);
      }
    }
    return all;
  }

  /** The last mount at {@code mountPoint} (the visible one), or null. */
  static MountInfo last(List<MountInfo> all, String mountPoint) {
    MountInfo found = null;
    for (MountInfo m : all) {
      if (m.mountPoint.equals(mountPoint)) {
        found = m;
      }
    }
    return found;
  }

  /** The last mount at {@code mountPoint} in {@code pid}'s mount namespace (the visible one). */
  static MountInfo of(long pid, String mountPoint) {
    return last(parseAll(HostProc.mountinfo(pid)), mountPoint);
  }

  private String[] fields() {
    return line.split(" ");
  }

  /** {@return field 1, the mount's unique id} */
  String id() {
    return fields()[0];
  }

  /** {@return field 2, the id of the parent mount} */
  String parentId() {
    return fields()[1];
  }

  /** {@return field 6 split at commas: this mount's own flags} */
  List<String> mountOptions() {
    return List.of(fields()[5].split(","));
  }

  /** {@return the filesystem type, the first field after the separator} */
  String fsType() {
    return fields()[7 + tags.size()];
  }

  /** {@return the last field split at commas: the superblock's options} */
  List<String> superOptions() {
    String[] f = fields();
    return List.of(f[f.length - 1].split(","));
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
