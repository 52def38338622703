package dev.ocikit.conformance.suite;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What {@link ScriptedRuntime}'s create accepts, as a runtime must: a config.json that is JSON,
 * declaring a spec version within its {@code features}, with namespace and rlimit types the spec
 * lists and seccomp values the features list; unknown properties, any annotation and an unknown
 * capability (with a warning) are accepted. A violation of the operations or config tests loosens
 * or tightens exactly one of these.
 */
final class ScriptedConfig {
  /** The top-level properties config.md defines; a strict runtime refuses any other. */
  private static final Set<String> TOP_LEVEL =
      Set.of(
          "ociVersion",
          "root",
          "mounts",
          "process",
          "hostname",
          "domainname",
          "hooks",
          "annotations",
          "linux",
          "solaris",
          "windows",
          "vm",
          "zos",
          "freebsd");

  private ScriptedConfig() {}

  /**
   * Reads and admits {@code BUNDLE/config.json} for create, and writes the namespace types to
   * create into {@code state/namespaces}; on refusal throws {@link ScriptedRuntime.Refused}.
   * Returns null when the config is not JSON but the violation accepts it anyway (the container
   * then runs nothing).
   */
  static JsonNode admit(Path bundle, Path state) throws IOException {
    String violation = ScriptedFeatures.violation();
    JsonNode config;
    try {
      config = Container.JSON.readTree(bundle.resolve("config.json").toFile());
    } catch (JacksonException e) {
      if (violation.equals("operations.create-invalid-config")) {
        for (String f : List.of("argv", "env", "cwd", "annotations", "namespaces")) {
          Files.writeString(state.resolve(f), "");
        }
        return null;
      }
      return refuse("config.json is not JSON: " + e.getOriginalMessage());
    }
    List<String> warnings = new ArrayList<>();
    String why = refusal(config, violation, warnings);
    warnings.forEach(w -> ScriptedEnv.err().println("create: warning: " + w));
    if (why != null) {
      return refuse(why);
    }
    StringBuilder ns = new StringBuilder();
    for (JsonNode n : config.path("linux").path("namespaces")) {
      // A namespace to join (with a path) is not made, so it is left out.
      if (n.path("path").asString("").isEmpty()) {
        ns.append(n.path("type").asString("")).append('\n');
      }
    }
    Files.writeString(state.resolve("namespaces"), ns);
    return config;
  }

  private static JsonNode refuse(String why) {
    throw new ScriptedRuntime.Refused(why);
  }

  /** Why create refuses {@code config} under {@code violation}, or null when it accepts it. */
  static String refusal(JsonNode config, String violation, List<String> warnings) {
    String v = version(config.path("ociVersion").asString(""), violation);
    if (v != null) {
      return v;
    }
    if (violation.equals("config.unknown-properties-ignored")) {
      for (String name : config.propertyNames()) {
        if (!TOP_LEVEL.contains(name)) {
          return "unknown property " + name;
        }
      }
    }
    if (violation.equals("config.annotations-accepted")) {
      for (var e : config.path("annotations").properties()) {
        if (e.getValue().asString("").contains("\"")) {
          return "annotation " + e.getKey() + ": a value may not hold a quote";
        }
      }
    }
    for (JsonNode r : config.path("process").path("rlimits")) {
      String type = r.path("type").asString("");
      if (!RlimitChoice.TYPES.containsKey(type)
          && !violation.equals("config.rlimit-type-invalid")) {
        return "process.rlimits: unknown type " + type;
      }
    }
    for (JsonNode n : config.path("linux").path("namespaces")) {
      String type = n.path("type").asString("");
      if (!HostProc.NS_FILES.containsKey(type)
          && !violation.equals("config.namespace-type-invalid")) {
        return "linux.namespaces: unknown type " + type;
      }
    }
    String caps = capabilities(config.path("process").path("capabilities"), violation, warnings);
    return caps != null ? caps : seccomp(config.path("linux").path("seccomp"), violation);
  }

  private static String version(String declared, String violation) {
    if (declared.isEmpty()) {
      return null;
    }
    // The min violation accepts less than it claims, the max one claims more than it accepts.
    String min =
        violation.equals("features.oci-version-min-accepted") ? "1.0.2" : ScriptedFeatures.OCI_MIN;
    if (compare(declared, min) < 0 || compare(declared, ScriptedFeatures.OCI_MAX) > 0) {
      return "ociVersion " + declared + " is outside " + min + " to " + ScriptedFeatures.OCI_MAX;
    }
    return null;
  }

  /** Compares major.minor.patch, ignoring a pre-release or build suffix. */
  static int compare(String a, String b) {
    int[] x = numbers(a);
    int[] y = numbers(b);
    for (int i = 0; i < 3; i++) {
      if (x[i] != y[i]) {
        return Integer.compare(x[i], y[i]);
      }
    }
    return 0;
  }

  private static int[] numbers(String version) {
    String[] parts = version.split("[-+]", 2)[0].split("\\.");
    int[] n = new int[3];
    for (int i = 0; i < 3 && i < parts.length; i++) {
      try {
        n[i] = Integer.parseInt(parts[i]);
      } catch (NumberFormatException e) {
        n[i] = -1;
      }
    }
    return n;
  }

  private static String capabilities(JsonNode sets, String violation, List<String> warnings) {
    for (var set : sets.properties()) {
      for (JsonNode c : set.getValue()) {
        String cap = c.asString("");
        if (cap.equals("CAP_SYSLOG") && violation.equals("features.capabilities-recognized")) {
          return "process.capabilities." + set.getKey() + ": " + cap + " is not supported";
        }
        if (!LinuxCapabilities.ALL.contains(cap)) {
          if (violation.equals("config.capability-unknown-accepted")) {
            return "process.capabilities." + set.getKey() + ": unknown capability " + cap;
          }
          // The one warning of it (process.capability-unknown-warned breaks exactly this).
          if (!violation.equals("process.capability-unknown-warned")) {
            warnings.add("unknown capability " + cap + " ignored");
          }
        }
      }
    }
    return null;
  }

  private static String seccomp(JsonNode s, String violation) {
    if (s.isMissingNode() || s.isNull()) {
      return null;
    }
    List<String> actions = without(ScriptedFeatures.ACTIONS, violation, "actions", "SCMP_ACT_LOG");
    List<String> ops =
        without(ScriptedFeatures.OPERATORS, violation, "operators", "SCMP_CMP_MASKED_EQ");
    List<String> archs = without(ScriptedFeatures.ARCHS, violation, "archs", "SCMP_ARCH_X86");
    List<String> flags =
        without(
            ScriptedFeatures.FLAGS, violation, "supported-flags", "SECCOMP_FILTER_FLAG_SPEC_ALLOW");
    String bad = unknown(List.of(s.path("defaultAction")), actions, "defaultAction");
    for (JsonNode r : s.path("syscalls")) {
      bad = bad != null ? bad : unknown(List.of(r.path("action")), actions, "syscalls[].action");
      for (JsonNode a : r.path("args")) {
        bad = bad != null ? bad : unknown(List.of(a.path("op")), ops, "syscalls[].args[].op");
      }
    }
    bad = bad != null ? bad : unknown(list(s.path("architectures")), archs, "architectures");
    return bad != null ? bad : unknown(list(s.path("flags")), flags, "flags");
  }

  /** The known values, less {@code dropped} when the violation is that of {@code kind}. */
  private static List<String> without(
      List<String> known, String violation, String kind, String dropped) {
    if (!violation.equals("features.seccomp-" + kind + "-" + suffix(kind))) {
      return known;
    }
    return known.stream().filter(k -> !k.equals(dropped)).toList();
  }

  private static String suffix(String kind) {
    return kind.equals("supported-flags") ? "accepted" : "recognized";
  }

  private static List<JsonNode> list(JsonNode array) {
    List<JsonNode> l = new ArrayList<>();
    array.forEach(l::add);
    return l;
  }

  private static String unknown(List<JsonNode> values, List<String> known, String field) {
    for (JsonNode v : values) {
      if (!v.isMissingNode() && !known.contains(v.asString(""))) {
        return "linux.seccomp." + field + ": unknown " + v.asString("");
      }
    }
    return null;
  }
}
