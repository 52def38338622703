package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.Namespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** config-linux.md and runtime-linux.md properties, judged from the same in-container report. */
final class LinuxObservationTests {
  private static final String LINUX = "config-linux.md";

  private LinuxObservationTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "linux.sysctl",
            LINUX,
            "sysctl",
            Level.MUST,
            "kernel.msgmax in the container's IPC namespace has the configured value",
            ctx -> {
              Observation o = Observation.get(ctx);
              String want = "ok:" + o.intended().linux().sysctl().get("kernel.msgmax");
              String got = o.probe("read:/proc/sys/kernel/msgmax").strip();
              return Verdict.expect(want.equals(got), want, got);
            }),
        of(
            "linux.masked-paths",
            LINUX,
            "masked-paths",
            Level.MUST,
            "a masked file reads empty and a masked directory lists empty",
            ctx -> {
              Observation o = Observation.get(ctx);
              String f = o.probe("read:/ocikit/masked-file");
              String d = o.probe("list:/ocikit/masked-dir");
              return Verdict.expect(
                  "ok:".equals(f) && "ok:0".equals(d),
                  "file empty, dir empty",
                  "file " + f + ", dir " + d);
            }),
        of(
            "linux.readonly-paths",
            LINUX,
            "readonly-paths",
            Level.MUST,
            "writing under a readonlyPaths entry fails, next to it succeeds",
            ctx -> {
              Observation o = Observation.get(ctx);
              String ro = o.probe("write:" + o.shared().resolve("ro-dir/probe"));
              String rw = o.probe("write:" + o.shared().resolve("rw-probe"));
              return Verdict.expect(
                  ro.startsWith("error") && "ok".equals(rw),
                  "read-only dir refuses writes, sibling accepts",
                  "ro: " + ro + "; rw: " + rw);
            }),
        of(
            "root.readonly",
            "config.md",
            "root",
            Level.MUST,
            "with root.readonly the root filesystem refuses writes",
            ctx -> {
              String got = Observation.get(ctx).probe("write:/ocikit/root-probe");
              return Verdict.expect(got.contains("Read-only"), "EROFS", got);
            }),
        of(
            "mounts.tmpfs",
            "config.md",
            "mounts",
            Level.MUST,
            "a tmpfs mount has its options; mode=1777 lets the non-root process write",
            LinuxObservationTests::tmpfs),
        of(
            "linux.namespaces",
            LINUX,
            "namespaces",
            Level.MUST,
            "listed namespaces are new, unlisted ones (net, user) are the runtime's own",
            LinuxObservationTests::namespaces),
        of(
            "linux.pid-namespace-init",
            LINUX,
            "namespaces",
            Level.MUST,
            "in a new pid namespace the process is pid 1",
            ctx -> {
              JsonNode pid = Observation.get(ctx).seen().path("pid");
              return Verdict.expect(pid.asLong() == 1, "pid 1", String.valueOf(pid));
            }),
        of(
            "linux.default-devices",
            LINUX,
            "default-devices",
            Level.MUST,
            "the default devices exist as character devices",
            LinuxObservationTests::devices),
        of(
            "linux.default-devices.numbers",
            LINUX,
            "default-devices",
            Level.MUST,
            "each default device has its Linux major:minor (null 1:3 to tty 5:0, ptmx 5:2)",
            LinuxObservationTests::deviceNumbers),
        of(
            "linux.dev-symlinks",
            "runtime-linux.md",
            "dev-symbolic-links",
            Level.MUST,
            "/dev/fd, /dev/stdin, /dev/stdout and /dev/stderr link into /proc/self/fd",
            ctx -> {
              Observation o = Observation.get(ctx);
              List<String> bad = new ArrayList<>();
              ObservationTests.DEV_LINKS.forEach(
                  (link, target) -> {
                    String got = o.probe("link:" + link);
                    if (!got.equals("ok:" + target)) {
                      bad.add(link + " -> " + got);
                    }
                  });
              return Verdict.expect(
                  bad.isEmpty(), "links " + ObservationTests.DEV_LINKS, String.join("; ", bad));
            }),
        of(
            "linux.default-filesystems",
            LINUX,
            "default-filesystems",
            Level.SHOULD,
            "/proc, /sys, /dev/pts and /dev/shm are mounted with their filesystem types",
            LinuxObservationTests::defaultFilesystems));
  }

  private static Verdict tmpfs(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    String line = mountLine(o, "/ocikit/tmpfs");
    String write = o.probe("write:/ocikit/tmpfs/probe");
    boolean ok =
        line != null
            && line.contains(" - tmpfs ")
            && line.contains("nosuid")
            && line.contains("nodev")
            && "ok".equals(write);
    return Verdict.expect(
        ok,
        "tmpfs at /ocikit/tmpfs with nosuid,nodev, writable",
        "mountinfo: " + line + "; write: " + write);
  }

  /** The mountinfo line whose mount point (field 5) is {@code dest}. */
  static String mountLine(Observation o, String dest) {
    for (JsonNode l : o.seen().path("mountinfo")) {
      String[] f = l.asString().split(" ");
      if (f.length > 4 && f[4].equals(dest)) {
        return l.asString();
      }
    }
    return null;
  }

  private static Verdict namespaces(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    List<String> listed = new ArrayList<>();
    for (Namespace n : o.intended().linux().namespaces()) {
      String type = n.type().value();
      listed.add(type.equals("mount") ? "mnt" : type);
    }
    List<String> bad = new ArrayList<>();
    for (String ns : List.of("pid", "ipc", "uts", "mnt", "net", "user")) {
      String host;
      try {
        host = Files.readSymbolicLink(Path.of("/proc/self/ns/" + ns)).toString();
      } catch (IOException e) {
        continue;
      }
      String seen = o.seen().path("namespaces").path(ns).asString("");
      boolean isNew = !seen.equals(host);
      if (isNew != listed.contains(ns)) {
        bad.add(ns + (isNew ? " is new but not listed" : " is the host's but listed"));
      }
    }
    return Verdict.expect(bad.isEmpty(), "new exactly for " + listed, String.join(", ", bad));
  }

  private static Verdict devices(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    List<String> bad = new ArrayList<>();
    for (String dev : ObservationTests.DEVICES) {
      String got = o.probe("stat:" + dev);
      // S_IFCHR is 020000 octal; mode is printed in octal.
      // config-linux.md allows /dev/ptmx to be a symlink to pts/ptmx instead of a device.
      boolean ptmxLink = dev.equals("/dev/ptmx") && o.probe("link:/dev/ptmx").endsWith("pts/ptmx");
      if (!got.startsWith("ok:mode=20") && !ptmxLink) {
        bad.add(dev + " " + got);
      }
    }
    return Verdict.expect(
        bad.isEmpty(), "char devices " + ObservationTests.DEVICES, String.join("; ", bad));
  }

  /** major:minor of each default device (Documentation/admin-guide/devices.txt). */
  private static final Map<String, String> NUMBERS =
      Map.of(
          "/dev/null", "1:3",
          "/dev/zero", "1:5",
          "/dev/full", "1:7",
          "/dev/random", "1:8",
          "/dev/urandom", "1:9",
          "/dev/tty", "5:0",
          "/dev/ptmx", "5:2");

  private static Verdict deviceNumbers(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    List<String> bad = new ArrayList<>();
    for (String dev : ObservationTests.DEVICES) {
      String got = o.probe("stat:" + dev);
      if (dev.equals("/dev/ptmx") && o.probe("link:/dev/ptmx").endsWith("pts/ptmx")) {
        // A symlink to pts/ptmx is allowed; the devpts instance's ptmx is judged elsewhere.
        continue;
      }
      Matcher m = Pattern.compile("rdev=(\\d+)").matcher(got);
      String seen = "?";
      if (m.find()) {
        long rdev = Long.parseLong(m.group(1));
        // glibc's dev_t encoding: major in bits 8-19 and 32-43, minor in bits 0-7 and 20-31.
        long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
        long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
        seen = major + ":" + minor;
      }
      if (!got.startsWith("ok:mode=20") || !seen.equals(NUMBERS.get(dev))) {
        bad.add(dev + " " + seen + " (" + got + ")");
      }
    }
    return Verdict.expect(bad.isEmpty(), "devices " + NUMBERS, String.join("; ", bad));
  }

  private static Verdict defaultFilesystems(Context ctx) throws Exception {
    Observation o = Observation.get(ctx);
    Map<String, String> want =
        Map.of("/proc", "proc", "/sys", "sysfs", "/dev/pts", "devpts", "/dev/shm", "tmpfs");
    List<String> bad = new ArrayList<>();
    want.forEach(
        (dest, type) -> {
          String line = mountLine(o, dest);
          if (line == null || !line.contains(" - " + type + " ")) {
            bad.add(dest + ": " + line);
          }
        });
    return Verdict.expect(bad.isEmpty(), "mounted: " + want, String.join("; ", bad));
  }
}
