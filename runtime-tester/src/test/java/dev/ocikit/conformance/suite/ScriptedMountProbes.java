package dev.ocikit.conformance.suite;

import java.util.List;

/**
 * What {@code Observe}'s probes of the mount checks ({@link MountOptionTests#PROBES}) report in a
 * container with a given mount table: each result follows from the mount holding the probed path
 * (its flags, its filesystem type and options), the way the kernel decides it.
 */
final class ScriptedMountProbes {
  /** What statfs reports for a tmpfs without {@code size=}: the kernel's default, half of RAM. */
  static final long DEFAULT_TMPFS_BYTES = 1L << 30;

  private static final int PTMX_RDEV = 0x502;

  private ScriptedMountProbes() {}

  /** The result of probe {@code spec} ({@code kind:path}) for a process with pid {@code pid}. */
  static String probe(ScriptedMountTable table, String spec, long pid) {
    String kind = spec.substring(0, spec.indexOf(':'));
    String path = spec.substring(spec.indexOf(':') + 1);
    ScriptedMountTable.Mnt m = table.parentOf(path);
    return switch (kind) {
      case "write" ->
          m.ro ? "error:FileSystemException: " + path + ": Read-only file system" : "ok";
      case "read" -> read(m, path);
      case "exec" ->
          m.flags.contains("noexec")
              ? "error:IOException: Cannot run program \""
                  + path
                  + "\": error=13, Permission denied"
              : "ok:exit=0";
      case "statfs" -> m.fs.equals("tmpfs") ? "ok:" + size(m.fsOptions) : "ok:0";
      case "link" -> m.fs.equals("proc") ? "ok:" + pid : "error:NotLinkException: " + path;
      case "list" ->
          m.fs.equals("sysfs") || !path.endsWith("/devices")
              ? "ok:" + (m.fs.equals("sysfs") ? 12 : 0)
              : "error:NoSuchFileException: " + path;
      case "stat" ->
          m.fs.equals("devpts")
              ? ScriptedObserver.statLine(020000 | ptmxMode(m.fsOptions), PTMX_RDEV, 0, 0)
              : "error:NoSuchFileException: " + path;
      default -> "error:unknown probe " + kind;
    };
  }

  /** A device node opens unless its mount is nodev; the marker is on the submount only. */
  private static String read(ScriptedMountTable.Mnt m, String path) {
    if (path.endsWith("/marker")) {
      boolean onSub = m.point.equals(path.substring(0, path.lastIndexOf('/')));
      return onSub ? "ok:submount" : "error:NoSuchFileException: " + path;
    }
    return m.flags.contains("nodev")
        ? "error:FileSystemException: " + path + ": Operation not permitted"
        : "ok:";
  }

  private static long size(List<String> fsOptions) {
    for (String o : fsOptions) {
      if (o.startsWith("size=")) {
        String v = o.substring(5);
        long n = Long.parseLong(v.replaceAll("[kmgKMG]$", ""));
        return switch (Character.toLowerCase(v.charAt(v.length() - 1))) {
          case 'k' -> n << 10;
          case 'm' -> n << 20;
          case 'g' -> n << 30;
          default -> n;
        };
      }
    }
    return DEFAULT_TMPFS_BYTES;
  }

  /** ptmxmode= in octal; devpts gives ptmx mode 0000 without it. */
  private static int ptmxMode(List<String> fsOptions) {
    for (String o : fsOptions) {
      if (o.startsWith("ptmxmode=")) {
        return Integer.parseInt(o.substring(9), 8);
      }
    }
    return 0;
  }
}
