package dev.ocikit.conformance.suite;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One property a scripted runtime gets wrong, named by the conformance test that must catch it: an
 * edit of the complying report, the observer it applies to, and the text the edit puts in the
 * report, which the failing verdict must show.
 *
 * @param testId the registered test whose judge must fail
 * @param target which observer's report is broken
 * @param evidence what the edit wrote, as the verdict's "actual" must name it
 * @param edit changes the complying report in place
 * @param alsoFailing other tests that judge the same property, which must fail too
 */
record Violation(
    String testId, Target target, String evidence, Edit edit, Set<String> alsoFailing) {
  Violation(String testId, Target target, String evidence, Edit edit) {
    this(testId, target, evidence, edit, Set.of());
  }

  /** The same violation, also caught by {@code ids} (a broken device is also a wrong number). */
  Violation alsoFailing(String... ids) {
    return new Violation(testId, target, evidence, edit, Set.of(ids));
  }

  @Override
  public String toString() {
    return testId;
  }

  /** The observer container whose report a violation breaks. */
  enum Target {
    /** {@link Observation}: uid 1000, run through the scripted runtime. */
    SHARED,
    /** {@link RootObservation}: root, seeded into the cache (making it needs mounts). */
    ROOT
  }

  /** An in-place edit of a report. */
  @FunctionalInterface
  interface Edit {
    void apply(ObjectNode report) throws IOException;
  }

  /** Every violation, by test id. */
  static final Map<String, Violation> ALL = table();

  private static Map<String, Violation> table() {
    List<Violation> v = new ArrayList<>();
    v.add(shared("process.args", "violated-arg", r -> cmdline(r).add("violated-arg")));
    v.add(
        shared(
            "process.env", "violated-env", r -> obj(r, "env").put("OCIKIT_ENV", "violated-env")));
    v.add(shared("process.cwd", "/violated-cwd", r -> r.put("cwd", "/violated-cwd")));
    v.add(shared("hostname", "violated-host", r -> r.put("hostname", "violated-host")));
    v.add(
        shared("process.user.uid-gid", "Uid 0\t0\t0\t0", r -> status(r).put("Uid", "0\t0\t0\t0")));
    String oneGroup = String.valueOf(Observation.EXTRA_GIDS.get(0));
    v.add(
        shared(
            "process.user.additional-gids",
            "Groups: " + oneGroup,
            r -> status(r).put("Groups", oneGroup)));
    v.add(shared("process.user.umask", "Umask 0022", r -> status(r).put("Umask", "0022")));
    v.add(shared("process.oom-score-adj", "-999", r -> r.put("oomScoreAdj", "-999")));
    v.add(
        shared("process.no-new-privileges", "NoNewPrivs 0", r -> status(r).put("NoNewPrivs", "0")));
    v.add(
        shared(
            "linux.sysctl",
            "ok:8192",
            r -> probes(r).put("read:/proc/sys/kernel/msgmax", "ok:8192\n")));
    v.add(
        shared(
            "linux.masked-paths",
            "ok:secret",
            r -> probes(r).put("read:/ocikit/masked-file", "ok:secret")));
    v.add(
        shared(
            "linux.readonly-paths", "ro: ok", r -> probes(r).put(key(r, "/ro-dir/probe"), "ok")));
    v.add(shared("root.readonly", "ok", r -> probes(r).put("write:/ocikit/root-probe", "ok")));
    String noNosuid = ScriptedObserver.mountLine(99, "/ocikit/tmpfs", "rw,nodev", "tmpfs");
    v.add(shared("mounts.tmpfs", noNosuid, r -> replaceMount(r, "/ocikit/tmpfs", noNosuid)));
    v.add(
        shared(
            "linux.namespaces",
            "uts",
            r ->
                obj(r, "namespaces")
                    .put("uts", Files.readSymbolicLink(Path.of("/proc/self/ns/uts")).toString())));
    v.add(shared("linux.pid-namespace-init", "4242", r -> r.put("pid", ScriptedObserver.HOST_PID)));
    v.add(
        shared("linux.default-devices", "/dev/full", r -> probes(r).remove("stat:/dev/full"))
            .alsoFailing("linux.default-devices.numbers"));
    v.add(
        shared(
            "linux.default-devices.numbers",
            "/dev/zero 1:3",
            r -> probes(r).put("stat:/dev/zero", ScriptedObserver.statLine(020666, 0x103, 0, 0))));
    v.add(
        shared(
            "linux.dev-symlinks",
            "/dev/stderr -> ok:/proc/self/fd/1",
            r -> probes(r).put("link:/dev/stderr", "ok:/proc/self/fd/1")));
    v.add(
        shared(
            "linux.default-filesystems", "/dev/shm: null", r -> replaceMount(r, "/dev/shm", null)));
    String wideMode = "mode=20666";
    v.add(
        shared(
            "linux.devices.node",
            wideMode,
            r ->
                probes(r)
                    .put(
                        "stat:" + DeviceTests.PATH,
                        ScriptedObserver.statLine(
                            020666, 0x103, DeviceTests.UID, DeviceTests.GID))));
    // Capability sets: a runtime filling one set from another, or leaving the default.
    v.add(copyCap("process.capabilities.ambient", Target.ROOT, "CapAmb", "CapInh"));
    v.add(copyCap("process.capabilities.inheritable", Target.ROOT, "CapInh", "CapBnd"));
    v.add(copyCap("process.capabilities.permitted", Target.ROOT, "CapPrm", "CapInh"));
    String all =
        String.format(
            "%016x", ScriptedObserver.mask(Container.JSON.valueToTree(LinuxCapabilities.ALL)));
    v.add(
        shared(
            "process.capabilities.bounding", "CapBnd " + all, r -> status(r).put("CapBnd", all)));
    v.add(
        shared(
            "process.capabilities.effective",
            "CapEff " + "0".repeat(16),
            r -> status(r).put("CapEff", "0".repeat(16))));
    // Each rlimit ignored: the process keeps the limits it inherits.
    for (String type : RlimitChoice.TYPES.keySet()) {
      String inherited = inheritedLine(type);
      String id = "process.rlimits." + type.substring(7).toLowerCase(Locale.ROOT);
      v.add(
          new Violation(id, Target.ROOT, inherited.strip(), r -> replaceLimit(r, type, inherited)));
    }
    // A namespaced sysctl left at the host's value inside the container.
    for (var e : Map.of("net", "net.ipv4.ip_forward", "ipc", "kernel.shmmax").entrySet()) {
      String probe = "read:" + RootObservation.procPath(e.getValue());
      String host = hostSysctl(e.getValue());
      v.add(
          new Violation(
              "linux.sysctl." + e.getKey() + "-namespaced",
              Target.ROOT,
              e.getValue() + ": inside ok:" + host,
              r -> probes(r).put(probe, "ok:" + host + "\n")));
    }
    Map<String, Violation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  private static Violation shared(String id, String evidence, Edit edit) {
    return new Violation(id, Target.SHARED, evidence, edit);
  }

  private static Violation copyCap(String id, Target t, String field, String from) {
    return new Violation(
        id, t, field + " ", r -> status(r).put(field, status(r).path(from).asString()));
  }

  private static ObjectNode obj(ObjectNode r, String field) {
    return (ObjectNode) r.get(field);
  }

  private static ObjectNode status(ObjectNode r) {
    return obj(r, "status");
  }

  private static ObjectNode probes(ObjectNode r) {
    return obj(r, "probes");
  }

  private static ArrayNode cmdline(ObjectNode r) {
    return (ArrayNode) r.get("cmdline");
  }

  /** The probe whose path ends with {@code suffix} (the shared dir's path differs per run). */
  private static String key(ObjectNode r, String suffix) {
    for (String k : probes(r).propertyNames()) {
      if (k.endsWith(suffix)) {
        return k;
      }
    }
    throw new IllegalStateException("no probe ending " + suffix);
  }

  /** Replaces the mountinfo line of {@code dest} with {@code line}, or removes it when null. */
  private static void replaceMount(ObjectNode r, String dest, String line) {
    ArrayNode lines = (ArrayNode) r.get("mountinfo");
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).asString().split(" ")[4].equals(dest)) {
        if (line == null) {
          lines.remove(i);
        } else {
          lines.set(i, line);
        }
        return;
      }
    }
    throw new IllegalStateException("no mount at " + dest);
  }

  private static void replaceLimit(ObjectNode r, String type, String line) {
    ArrayNode lines = (ArrayNode) r.get("limits");
    for (int i = 0; i < lines.size(); i++) {
      if (RlimitChoice.parse(lines.get(i).asString(), RlimitChoice.TYPES.get(type)) != null) {
        lines.set(i, line);
      }
    }
  }

  /** This process's own line for {@code type}: what a runtime that ignores the rlimit passes on. */
  private static String inheritedLine(String type) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (RlimitChoice.parse(line, RlimitChoice.TYPES.get(type)) != null) {
          return line;
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return ScriptedObserver.limitLine(RlimitChoice.TYPES.get(type), "0", "0");
  }

  private static String hostSysctl(String key) {
    try {
      return RootObservation.hostSysctl(key);
    } catch (IOException e) {
      return "<unreadable>";
    }
  }
}
