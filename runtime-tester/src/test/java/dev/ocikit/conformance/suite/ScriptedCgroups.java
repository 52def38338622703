package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Create's part of the cgroups in {@link ScriptedRuntime} ({@code scripted-cgroups.sh} finishes
 * it): the cgroups a complying runtime makes, in a fake host tree ({@link ScriptedCgroupHost})
 * instead of the real cgroupfs, with the values the kernel would show in each file, and the
 * container process's {@code /proc/PID/cgroup} lines. The violation named by {@link
 * ScriptedRuntime#VIOLATION_ENV} changes exactly one of them ({@code broken} here and in {@link
 * V1Files}; the table is {@link CgroupViolation}). The pid is not known yet, so this writes the
 * lines to {@code STATE_DIR/cgroup-lines} and the dirs, each with an empty {@code cgroup.procs}, to
 * {@code STATE_DIR/cgroup-dirs}; the script adds the pid.
 */
final class ScriptedCgroups {
  /** What the kernel shows for a v1 limit nobody set (the page-aligned LONG_MAX). */
  static final String V1_MAX = "9223372036854771712";

  /** v1 hierarchies of the fake host: the directory name and the /proc/PID/cgroup field. */
  static final Map<String, String> V1 = hierarchies();

  private final Path root;
  private final JsonNode linux;
  private final JsonNode res;
  private final String violation;
  private final Map<String, String> own;
  private final String id;
  private final List<Path> dirs = new ArrayList<>();

  private ScriptedCgroups(Path host, JsonNode config, Map<String, String> own, String id) {
    this.root = host.resolve("root");
    this.linux = config.path("linux");
    this.res = linux.path("resources");
    this.violation = ScriptedEnv.violation();
    this.own = own;
    this.id = id;
  }

  private static Map<String, String> hierarchies() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String h :
        new String[] {
          "memory",
          "pids",
          "cpu,cpuacct",
          "cpuset",
          "devices",
          "blkio",
          "hugetlb",
          "net_cls,net_prio"
        }) {
      m.put(h.split(",")[0], h);
    }
    return m;
  }

  /**
   * Makes the cgroups of the container whose state dir is {@code state} ({@code $STATE/ID}) when a
   * fake host lies beside {@code $STATE}; v2 ones when {@code OCIKIT_SCRIPTED_CGROUP2} is set (the
   * fake cgroup2 wrapper).
   */
  static void create(JsonNode config, Path state) throws IOException {
    Path host = state.toAbsolutePath().getParent().resolveSibling("cgroup-host");
    if (!Files.isDirectory(host)) {
      return;
    }
    boolean v2 = !ScriptedEnv.get("OCIKIT_SCRIPTED_CGROUP2").isEmpty();
    String id = state.getFileName().toString();
    ScriptedCgroups c = new ScriptedCgroups(host, config, ownCgroups(host.resolve("proc")), id);
    String lines = v2 ? c.makeV2() : c.makeV1();
    if (v2) {
      Files.writeString(state.resolve("cgroup2"), "");
    }
    Files.writeString(state.resolve("cgroup-lines"), lines);
    StringBuilder d = new StringBuilder();
    c.dirs.forEach(p -> d.append(p).append('\n'));
    Files.writeString(state.resolve("cgroup-dirs"), d.toString());
    c.chownIfBroken();
  }

  private boolean broken(String id) {
    return violation.equals(id);
  }

  /**
   * The runtime's own cgroups (hierarchy field to path): those of the script's nearest ancestor (or
   * itself) the fake /proc knows, since a process stays in its parent's cgroups unless moved. The
   * test seeds its own.
   */
  private static Map<String, String> ownCgroups(Path proc) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    // The runtime is the script: the caller of a create served in the test JVM, else our parent.
    String caller = ScriptedEnv.get("OCIKIT_SCRIPTED_CALLER");
    Optional<ProcessHandle> p =
        caller.isEmpty()
            ? ProcessHandle.current().parent()
            : ProcessHandle.of(Long.parseLong(caller));
    while (p.isPresent()) {
      Path f = proc.resolve(p.get().pid() + "/cgroup");
      if (Files.exists(f)) {
        for (String line : Files.readAllLines(f)) {
          String[] x = line.split(":", 3);
          if (x.length == 3) {
            out.put(x[1], x[2]);
          }
        }
        break;
      }
      p = p.get().parent();
    }
    return out;
  }

  /** linux.cgroupsPath placed for one hierarchy: absolute as it is, relative under our own. */
  private String place(String hierarchy) {
    String path = linux.path("cgroupsPath").asString("/" + id);
    String mine = own.getOrDefault(hierarchy, "/");
    String base = mine.endsWith("/") ? mine : mine + "/";
    if (path.startsWith("/")) {
      // Broken: an absolute path taken as relative to the runtime's own cgroup.
      boolean asRelative = broken(hierarchy.isEmpty() ? "cgroups.v2.path" : "cgroups.path");
      return asRelative ? base + path.substring(1) : path;
    }
    // Broken: a relative path made unique per container unless it already names the container,
    // so a second container with the same path lands elsewhere.
    if (broken("cgroups.path-consistent") && !path.endsWith(id)) {
      path = path + "/" + id;
    }
    // Broken: a relative path placed at the hierarchy's root.
    return broken("cgroups.path-relative") ? "/" + path : base + path;
  }

  private String makeV1() throws IOException {
    StringBuilder lines = new StringBuilder();
    int n = V1.size();
    for (Map.Entry<String, String> h : V1.entrySet()) {
      if (!Files.isDirectory(root.resolve(h.getKey()))) {
        continue; // the fake host lacks this controller
      }
      String path = place(h.getValue());
      Path dir = root.resolve(h.getKey()).resolve(path.substring(1));
      Files.createDirectories(dir);
      dirs.add(dir);
      put(dir, "cgroup.procs", "");
      for (Map.Entry<String, String> f : V1Files.of(h.getKey(), res, this::broken).entrySet()) {
        // A child cgroup has the files its hierarchy's root has: the kernel's features.
        if (Files.exists(root.resolve(h.getKey()).resolve(f.getKey()))) {
          put(dir, f.getKey(), f.getValue());
        }
      }
      lines.append(n--).append(':').append(h.getValue()).append(':').append(path).append('\n');
    }
    return lines.toString();
  }

  private String makeV2() throws IOException {
    String path = place("");
    Path dir = root.resolve("unified").resolve(path.substring(1));
    Files.createDirectories(dir);
    dirs.add(dir);
    put(dir, "cgroup.procs", "");
    long pids = res.path("pids").path("limit").asLong(-1);
    put(dir, "pids.max", pids > 0 && !broken("cgroups.v2.pids-limit") ? pids : "max");
    put(dir, "hugetlb.2MB.max", hugetlb2M().filter(x -> !broken("cgroups.v2.hugetlb")), "max");
    put(dir, "cgroup.max.descendants", "max");
    for (Map.Entry<String, JsonNode> e : res.path("unified").properties()) {
      // A core key no typed field maps to; any other key needs its controller enabled.
      boolean core = e.getKey().startsWith("cgroup.");
      if (!broken(core ? "cgroups.unified.write-unknown" : "cgroups.unified.enable-controllers")) {
        put(dir, e.getKey(), e.getValue().asString());
      }
    }
    return "0::" + path + "\n";
  }

  private Optional<String> hugetlb2M() {
    for (JsonNode h : res.path("hugepageLimits")) {
      if ("2MB".equals(h.path("pageSize").asString(""))) {
        return Optional.of(String.valueOf(h.path("limit").asLong()));
      }
    }
    return Optional.empty();
  }

  private static void put(Path dir, String file, Optional<String> value, String otherwise)
      throws IOException {
    put(dir, file, value.orElse(otherwise));
  }

  /** Writes a cgroup file as the kernel shows it: the value and a newline, nothing when empty. */
  private static void put(Path dir, String file, Object value) throws IOException {
    String v = String.valueOf(value);
    Files.writeString(dir.resolve(file), v.isEmpty() ? "" : v + "\n");
  }

  /**
   * The cgroup ownership violations: the container's cgroups chowned to the mapped root (as a
   * non-root user, to another of its groups) where the spec rules it out: without a new cgroup
   * namespace, or with one on a v1 host (the fake host is v1).
   */
  private void chownIfBroken() throws IOException {
    boolean cgroupns = false;
    for (JsonNode ns : linux.path("namespaces")) {
      cgroupns |= "cgroup".equals(ns.path("type").asString(""));
    }
    String test = cgroupns ? "cgroups.ownership-v1-unchanged" : "cgroups.ownership-needs-cgroupns";
    if (!broken(test) || linux.path("uidMappings").isEmpty()) {
      return;
    }
    String owner =
        linux.path("uidMappings").get(0).path("hostID").asLong()
            + ":"
            + linux.path("gidMappings").get(0).path("hostID").asLong();
    for (Path dir : dirs) {
      String sh =
          "chown -R \"$1\" \"$2\" 2>/dev/null"
              + " || chgrp -R \"$(id -G | tr ' ' '\\n' | grep -vx \"$(id -g)\" | head -n1)\" \"$2\"";
      try {
        new ProcessBuilder("sh", "-c", sh, "sh", owner, dir.toString())
            .inheritIO()
            .start()
            .waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
