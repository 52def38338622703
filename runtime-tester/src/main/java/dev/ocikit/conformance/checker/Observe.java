package dev.ocikit.conformance.checker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Run inside a container: reports identity, limits, namespaces, mounts and probe results as one
 * JSON object written to {@code args[0]}. It only reports; the harness judges against its own copy
 * of the config, so a wrong observer cannot make a runtime pass.
 *
 * <p>Arguments: {@code OUT_FILE [read:PATH | write:PATH | stat:PATH | link:PATH | list:PATH |
 * exec:PATH | statfs:PATH]...}; {@code exec:} runs {@code PATH true} (a busybox copy) and reports
 * its exit status, {@code statfs:} the total size of the filesystem holding PATH.
 */
public final class Observe {
  private final Map<String, Object> out = new TreeMap<>();

  private Observe() {}

  /** Entry point; exits 0 even when a probe fails, since failures are observations too. */
  public static void main(String[] args) throws IOException {
    Observe o = new Observe();
    o.collect();
    Map<String, Object> probes = new TreeMap<>();
    for (int i = 1; i < args.length; i++) {
      probes.put(args[i], probe(args[i]));
    }
    o.out.put("probes", probes);
    Path file = Path.of(args[0]);
    Path tmp = Path.of(args[0] + ".tmp");
    Files.writeString(tmp, Json.write(o.out));
    // Rename so the harness never reads a half-written report.
    Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private void collect() {
    out.put("pid", ProcessHandle.current().pid());
    out.put("cwd", Path.of("").toAbsolutePath().toString());
    out.put("env", new TreeMap<>(System.getenv()));
    out.put("cmdline", List.of(read("/proc/self/cmdline").split("\0")));
    out.put("hostname", read("/proc/sys/kernel/hostname").strip());
    out.put("status", status());
    out.put("limits", lines("/proc/self/limits"));
    out.put("oomScoreAdj", read("/proc/self/oom_score_adj").strip());
    out.put("mountinfo", lines("/proc/self/mountinfo"));
    Map<String, Object> ns = new TreeMap<>();
    for (String n : new String[] {"cgroup", "ipc", "mnt", "net", "pid", "user", "uts"}) {
      ns.put(n, link("/proc/self/ns/" + n));
    }
    out.put("namespaces", ns);
  }

  /** The key: value lines of /proc/self/status, which carry ids, capabilities and umask. */
  private static Map<String, Object> status() {
    Map<String, Object> m = new TreeMap<>();
    for (String line : lines("/proc/self/status")) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        m.put(line.substring(0, colon), line.substring(colon + 1).strip());
      }
    }
    return m;
  }

  static Object probe(String spec) {
    int colon = spec.indexOf(':');
    String kind = spec.substring(0, colon);
    Path p = Path.of(spec.substring(colon + 1));
    try {
      switch (kind) {
        case "read":
          return "ok:" + readFully(p);
        case "list":
          try (var s = Files.list(p)) {
            return "ok:" + s.count();
          }
        case "write":
          Files.writeString(p, "probe");
          return "ok";
        case "stat":
          Object mode = Files.getAttribute(p, "unix:mode", java.nio.file.LinkOption.NOFOLLOW_LINKS);
          Object rdev = Files.getAttribute(p, "unix:rdev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
          Object uid = Files.getAttribute(p, "unix:uid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
          Object gid = Files.getAttribute(p, "unix:gid", java.nio.file.LinkOption.NOFOLLOW_LINKS);
          return "ok:mode="
              + Integer.toOctalString((Integer) mode)
              + ",rdev="
              + rdev
              + ",uid="
              + uid
              + ",gid="
              + gid;
        case "link":
          return "ok:" + Files.readSymbolicLink(p);
        case "exec":
          Process child =
              new ProcessBuilder(p.toString(), "true")
                  .redirectErrorStream(true)
                  .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                  .start();
          return "ok:exit=" + child.waitFor();
        case "statfs":
          return "ok:" + Files.getFileStore(p).getTotalSpace();
        default:
          return "error:unknown probe " + kind;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "error:interrupted";
    } catch (IOException | RuntimeException e) {
      return "error:" + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  private static String read(String path) {
    try {
      return readFully(Path.of(path));
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Reads through a stream: Files.readAllBytes trusts the size procfs reports and returned one byte
   * of /proc/sys/kernel/msgmax on the reference host.
   */
  private static String readFully(Path p) throws IOException {
    try (var in = Files.newInputStream(p)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static List<String> lines(String path) {
    List<String> l = new ArrayList<>();
    for (String s : read(path).split("\n")) {
      if (!s.isEmpty()) {
        l.add(s);
      }
    }
    return l;
  }

  private static String link(String path) {
    try {
      return Files.readSymbolicLink(Path.of(path)).toString();
    } catch (IOException e) {
      return "error:" + e.getMessage();
    }
  }
}
