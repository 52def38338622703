package dev.ocikit.conformance.bundle;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits a config.json held as a Jackson tree. Each test describes its intent as a few edits on top
 * of {@link DefaultConfig}; the harness later judges against {@link #snapshot()}, never against
 * what is on disk in the bundle.
 *
 * <p>TODO(spec-model typed RuntimeConfig): switch to the typed model once it lands.
 */
public final class ConfigEditor {
  private final ObjectNode config;

  ConfigEditor(ObjectNode config) {
    this.config = config;
  }

  /** A deep copy of the intended config, the oracle for judging. */
  public ObjectNode snapshot() {
    return config.deepCopy();
  }

  public ConfigEditor args(String... args) {
    ArrayNode a = process().putArray("args");
    for (String s : args) {
      a.add(s);
    }
    return this;
  }

  /** Runs {@code script} with busybox sh inside the container. */
  public ConfigEditor shell(String script) {
    return args("/bin/sh", "-c", script);
  }

  public ConfigEditor env(String nameEqualsValue) {
    ((ArrayNode) process().get("env")).add(nameEqualsValue);
    return this;
  }

  public ConfigEditor cwd(String cwd) {
    process().put("cwd", cwd);
    return this;
  }

  /** Sets the hostname; null removes it (a runtime may refuse one without a UTS namespace). */
  public ConfigEditor hostname(String hostname) {
    if (hostname == null) {
      config.remove("hostname");
    } else {
      config.put("hostname", hostname);
    }
    return this;
  }

  public ConfigEditor user(int uid, int gid, List<Integer> additionalGids, Integer umask) {
    ObjectNode user = process().putObject("user");
    user.put("uid", uid);
    user.put("gid", gid);
    ArrayNode extra = user.putArray("additionalGids");
    additionalGids.forEach(extra::add);
    if (umask != null) {
      user.put("umask", umask);
    }
    return this;
  }

  /**
   * Sets all five capability sets to {@code caps}. Ambient and inheritable matter for a non-root
   * user: without them the kernel clears permitted and effective at execve.
   */
  public ConfigEditor capabilities(String... caps) {
    ObjectNode c = process().putObject("capabilities");
    for (String set :
        new String[] {"bounding", "effective", "permitted", "inheritable", "ambient"}) {
      ArrayNode a = c.putArray(set);
      for (String cap : caps) {
        a.add(cap);
      }
    }
    return this;
  }

  public ConfigEditor rlimit(String type, long soft, long hard) {
    ArrayNode rl = (ArrayNode) process().get("rlimits");
    for (int i = rl.size() - 1; i >= 0; i--) {
      if (type.equals(rl.get(i).path("type").asString(""))) {
        rl.remove(i);
      }
    }
    rl.addObject().put("type", type).put("soft", soft).put("hard", hard);
    return this;
  }

  public ConfigEditor oomScoreAdj(int value) {
    process().put("oomScoreAdj", value);
    return this;
  }

  public ConfigEditor noNewPrivileges(boolean value) {
    process().put("noNewPrivileges", value);
    return this;
  }

  public ConfigEditor readonlyRoot(boolean readonly) {
    ((ObjectNode) config.get("root")).put("readonly", readonly);
    return this;
  }

  public ConfigEditor mount(String dest, String type, String source, String... options) {
    DefaultConfig.mount((ArrayNode) config.get("mounts"), dest, type, source, options);
    return this;
  }

  /** Appends a hook to {@code hooks.<phase>}; args[0] is conventionally the program name. */
  public ConfigEditor hook(String phase, String path, List<String> args, List<String> env) {
    ObjectNode hooks =
        config.has("hooks") ? (ObjectNode) config.get("hooks") : config.putObject("hooks");
    ArrayNode list = hooks.has(phase) ? (ArrayNode) hooks.get(phase) : hooks.putArray(phase);
    ObjectNode h = list.addObject();
    h.put("path", path);
    args.forEach(h.putArray("args")::add);
    if (!env.isEmpty()) {
      env.forEach(h.putArray("env")::add);
    }
    return this;
  }

  public ConfigEditor annotation(String key, String value) {
    ObjectNode a =
        config.has("annotations")
            ? (ObjectNode) config.get("annotations")
            : config.putObject("annotations");
    a.put(key, value);
    return this;
  }

  public ConfigEditor sysctl(String key, String value) {
    ObjectNode s =
        linux().has("sysctl") ? (ObjectNode) linux().get("sysctl") : linux().putObject("sysctl");
    s.put(key, value);
    return this;
  }

  public ConfigEditor maskedPath(String path) {
    ((ArrayNode) linux().get("maskedPaths")).add(path);
    return this;
  }

  public ConfigEditor readonlyPath(String path) {
    ((ArrayNode) linux().get("readonlyPaths")).add(path);
    return this;
  }

  /** Sets {@code linux.resources.<group>.<key>} (e.g. memory.limit, pids.limit). */
  public ConfigEditor resource(String group, String key, long value) {
    ObjectNode r =
        linux().has("resources")
            ? (ObjectNode) linux().get("resources")
            : linux().putObject("resources");
    ObjectNode g = r.has(group) ? (ObjectNode) r.get(group) : r.putObject(group);
    g.put(key, value);
    return this;
  }

  /**
   * Replaces {@code linux.namespaces}: each key is a namespace type, each value a path to join or
   * null for a new namespace. Iteration order of the map is kept.
   */
  public ConfigEditor namespaces(Map<String, String> typeToPath) {
    ArrayNode ns = linux().putArray("namespaces");
    typeToPath.forEach(
        (type, path) -> {
          ObjectNode n = ns.addObject().put("type", type);
          if (path != null) {
            n.put("path", path);
          }
        });
    return this;
  }

  /** Sets {@code linux.<field>} to a JSON value (seccomp, devices, uidMappings, timeOffsets…). */
  public ConfigEditor linux(String field, JsonNode value) {
    linux().set(field, value);
    return this;
  }

  /** Sets {@code linux.resources.<field>} to a JSON value (devices, hugepageLimits, cpu…). */
  public ConfigEditor resource(String field, JsonNode value) {
    ObjectNode r =
        linux().has("resources")
            ? (ObjectNode) linux().get("resources")
            : linux().putObject("resources");
    r.set(field, value);
    return this;
  }

  /** Sets an arbitrary top-level or nested property, e.g. for unknown-property tests. */
  public ConfigEditor set(String objectPointer, String field, JsonNode value) {
    ((ObjectNode) config.at(objectPointer)).set(field, value);
    return this;
  }

  /** Applies several edits at once; handy for tables in tests. */
  public ConfigEditor annotations(Map<String, String> values) {
    values.forEach(this::annotation);
    return this;
  }

  private ObjectNode process() {
    return (ObjectNode) config.get("process");
  }

  private ObjectNode linux() {
    return (ObjectNode) config.get("linux");
  }
}
