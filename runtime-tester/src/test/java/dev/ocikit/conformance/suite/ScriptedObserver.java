package dev.ocikit.conformance.suite;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What {@code Observe} would report inside a container of a runtime that applies every property of
 * a config.json exactly, computed from the config alone: the report of a complying runtime, with no
 * container, no root and no /proc of a container. {@link Violation}s then break one property.
 *
 * <p>Values the config does not decide (limits it leaves alone, namespaces it does not list) are
 * the ones the process building the report has itself, as an inherited value would be.
 */
final class ScriptedObserver {
  /** A pid that is not 1: what a process outside a new pid namespace sees. */
  static final long HOST_PID = 4242;

  /** st_rdev of each default device (major << 8 | minor), Documentation/admin-guide/devices.txt. */
  private static final Map<String, Integer> DEFAULT_RDEV =
      Map.of(
          "/dev/null", 0x103,
          "/dev/zero", 0x105,
          "/dev/full", 0x107,
          "/dev/random", 0x108,
          "/dev/urandom", 0x109,
          "/dev/tty", 0x500,
          "/dev/ptmx", 0x502);

  private ScriptedObserver() {}

  /** The report for {@code config} (config.json as JSON) with the results of {@code probes}. */
  static ObjectNode report(JsonNode config, List<String> probes) throws IOException {
    JsonNode process = config.path("process");
    JsonNode linux = config.path("linux");
    ObjectNode r = Container.JSON.createObjectNode();
    r.put("pid", listed(linux, "pid") ? 1 : HOST_PID);
    r.put("cwd", process.path("cwd").asString("/"));
    ObjectNode env = r.putObject("env");
    for (JsonNode kv : process.path("env")) {
      String s = kv.asString();
      env.put(s.substring(0, s.indexOf('=')), s.substring(s.indexOf('=') + 1));
    }
    r.set("cmdline", process.path("args").deepCopy());
    r.put("hostname", config.path("hostname").asString(""));
    r.set("status", status(process));
    r.set("limits", limits(process));
    r.put("oomScoreAdj", process.path("oomScoreAdj").asString("0"));
    r.set("mountinfo", mountinfo(config));
    ObjectNode ns = r.putObject("namespaces");
    for (String n : List.of("cgroup", "ipc", "mnt", "net", "pid", "user", "uts")) {
      String host = Files.readSymbolicLink(Path.of("/proc/self/ns/" + n)).toString();
      // A new namespace has another inode than the runtime's own.
      ns.put(n, listed(linux, n) ? n + ":[1" + Math.abs(host.hashCode()) + "]" : host);
    }
    ObjectNode p = r.putObject("probes");
    for (String spec : probes) {
      p.put(spec, probe(config, spec));
    }
    return r;
  }

  private static boolean listed(JsonNode linux, String shortName) {
    for (JsonNode n : linux.path("namespaces")) {
      String type = n.path("type").asString();
      String s = type.equals("mount") ? "mnt" : type.equals("network") ? "net" : type;
      if (s.equals(shortName) && n.path("path").isMissingNode()) {
        return true;
      }
    }
    return false;
  }

  private static ObjectNode status(JsonNode process) {
    ObjectNode s = Container.JSON.createObjectNode();
    JsonNode user = process.path("user");
    String uid = user.path("uid").asString("0");
    String gid = user.path("gid").asString("0");
    s.put("Uid", String.join("\t", uid, uid, uid, uid));
    s.put("Gid", String.join("\t", gid, gid, gid, gid));
    List<String> groups = new ArrayList<>();
    user.path("additionalGids").forEach(g -> groups.add(g.asString()));
    s.put("Groups", String.join(" ", groups));
    s.put("Umask", String.format("%04o", user.path("umask").asInt(022)));
    s.put("NoNewPrivs", process.path("noNewPrivileges").asBoolean(false) ? "1" : "0");
    JsonNode caps = process.path("capabilities");
    String[][] sets = {
      {"CapInh", "inheritable"},
      {"CapPrm", "permitted"},
      {"CapEff", "effective"},
      {"CapBnd", "bounding"},
      {"CapAmb", "ambient"}
    };
    for (String[] set : sets) {
      s.put(set[0], String.format("%016x", mask(caps.path(set[1]))));
    }
    return s;
  }

  static long mask(JsonNode names) {
    long m = 0;
    for (JsonNode n : names) {
      m |= 1L << LinuxCapabilities.ALL.indexOf(n.asString());
    }
    return m;
  }

  /** The reporting process's own /proc/self/limits with each configured rlimit's line replaced. */
  private static ArrayNode limits(JsonNode process) throws IOException {
    ArrayNode out = Container.JSON.createArrayNode();
    for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
      String replaced = line;
      for (JsonNode rl : process.path("rlimits")) {
        String label = RlimitChoice.TYPES.get(rl.path("type").asString());
        if (label != null && RlimitChoice.parse(line, label) != null) {
          replaced = limitLine(label, rl.path("soft").asString(), rl.path("hard").asString());
        }
      }
      out.add(replaced);
    }
    return out;
  }

  /** One /proc/PID/limits line: the label padded to 25 characters, soft, hard (no units). */
  static String limitLine(String label, String soft, String hard) {
    return String.format("%-25s %-20s %-20s", label, soft, hard);
  }

  /** One mountinfo line per config mount (in order) after the root's, as the kernel prints it. */
  private static ArrayNode mountinfo(JsonNode config) {
    ArrayNode out = Container.JSON.createArrayNode();
    boolean roRoot = config.path("root").path("readonly").asBoolean(false);
    out.add("1 0 0:1 / / " + (roRoot ? "ro" : "rw") + " - overlay overlay rw");
    int id = 2;
    for (JsonNode m : config.path("mounts")) {
      List<String> opts = new ArrayList<>();
      m.path("options").forEach(o -> opts.add(o.asString()));
      String type = m.path("type").asString("none");
      String fs = type.equals("bind") ? "ext4" : type;
      out.add(mountLine(id++, m.path("destination").asString(), perMount(opts), fs));
    }
    return out;
  }

  static String mountLine(int id, String dest, String options, String fs) {
    return id + " 1 0:" + id + " / " + dest + " " + options + " - " + fs + " " + fs + " rw";
  }

  /** The per-mount flags mountinfo shows for a mount's options. */
  static String perMount(List<String> opts) {
    List<String> flags = new ArrayList<>(List.of(opts.contains("ro") ? "ro" : "rw"));
    for (String f : List.of("nosuid", "nodev", "noexec")) {
      if (opts.contains(f)) {
        flags.add(f);
      }
    }
    return String.join(",", flags);
  }

  private static String probe(JsonNode config, String spec) throws IOException {
    String kind = spec.substring(0, spec.indexOf(':'));
    String path = spec.substring(spec.indexOf(':') + 1);
    JsonNode linux = config.path("linux");
    boolean masked = contains(linux.path("maskedPaths"), path);
    switch (kind) {
      case "read":
        if (masked) {
          return "ok:";
        }
        if (path.startsWith("/proc/sys/")) {
          String key = path.substring(10).replace('/', '.');
          JsonNode v = linux.path("sysctl").path(key);
          return "ok:"
              + (v.isMissingNode() ? RootObservation.hostSysctl(key) : v.asString())
              + "\n";
        }
        return "error:NoSuchFileException: " + path;
      case "list":
        return masked ? "ok:0" : "ok:1";
      case "write":
        return writable(config, path)
            ? "ok"
            : "error:FileSystemException: " + path + ": Read-only file system";
      case "stat":
        return stat(linux, path);
      case "link":
        return ObservationTests.DEV_LINKS.containsKey(path)
            ? "ok:" + ObservationTests.DEV_LINKS.get(path)
            : "error:NotLinkException: " + path;
      default:
        return "error:unknown probe " + kind;
    }
  }

  /**
   * Under a readonlyPaths entry: no; else the innermost mount holding it, else the root, decides.
   */
  private static boolean writable(JsonNode config, String path) {
    for (JsonNode ro : config.path("linux").path("readonlyPaths")) {
      if (under(path, ro.asString())) {
        return false;
      }
    }
    String best = "";
    boolean rw = !config.path("root").path("readonly").asBoolean(false);
    for (JsonNode m : config.path("mounts")) {
      String dest = m.path("destination").asString();
      if (under(path, dest) && dest.length() > best.length()) {
        best = dest;
        rw = !contains(m.path("options"), "ro");
      }
    }
    return rw;
  }

  private static String stat(JsonNode linux, String path) {
    for (JsonNode d : linux.path("devices")) {
      if (d.path("path").asString().equals(path)) {
        long rdev = (d.path("major").asLong() << 8) | d.path("minor").asLong();
        return statLine(
            020000 | d.path("fileMode").asInt(0666),
            rdev,
            d.path("uid").asLong(),
            d.path("gid").asLong());
      }
    }
    Integer rdev = DEFAULT_RDEV.get(path);
    return rdev == null ? "error:NoSuchFileException: " + path : statLine(020666, rdev, 0, 0);
  }

  static String statLine(int mode, long rdev, long uid, long gid) {
    return "ok:mode="
        + Integer.toOctalString(mode)
        + ",rdev="
        + rdev
        + ",uid="
        + uid
        + ",gid="
        + gid;
  }

  private static boolean under(String path, String dir) {
    return path.equals(dir) || path.startsWith(dir.endsWith("/") ? dir : dir + "/");
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode n : array) {
      if (n.asString().equals(value)) {
        return true;
      }
    }
    return false;
  }
}
