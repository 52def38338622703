package dev.ocikit.conformance.suite;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code features} document of {@link ScriptedRuntime}, built from the same lists {@link
 * ScriptedConfig} admits configs by, so that what the complying script claims it accepts. The
 * violations of the features tests change the claim or the admission, never both.
 */
final class ScriptedFeatures {
  /** The oldest and newest runtime-spec versions a config may declare. */
  static final String OCI_MIN = "1.0.0";

  static final String OCI_MAX = "1.3.0";

  /** The seccomp actions, operators, architectures and flags the script knows (libseccomp's). */
  static final List<String> ACTIONS =
      List.of(
          "SCMP_ACT_ALLOW",
          "SCMP_ACT_ERRNO",
          "SCMP_ACT_KILL",
          "SCMP_ACT_KILL_PROCESS",
          "SCMP_ACT_KILL_THREAD",
          "SCMP_ACT_LOG",
          "SCMP_ACT_NOTIFY",
          "SCMP_ACT_TRACE",
          "SCMP_ACT_TRAP");

  static final List<String> OPERATORS =
      List.of(
          "SCMP_CMP_EQ",
          "SCMP_CMP_GE",
          "SCMP_CMP_GT",
          "SCMP_CMP_LE",
          "SCMP_CMP_LT",
          "SCMP_CMP_MASKED_EQ",
          "SCMP_CMP_NE");

  static final List<String> ARCHS =
      List.of(
          "SCMP_ARCH_AARCH64",
          "SCMP_ARCH_ARM",
          "SCMP_ARCH_MIPS",
          "SCMP_ARCH_MIPS64",
          "SCMP_ARCH_MIPSEL",
          "SCMP_ARCH_MIPSEL64",
          "SCMP_ARCH_PPC",
          "SCMP_ARCH_PPC64",
          "SCMP_ARCH_PPC64LE",
          "SCMP_ARCH_RISCV64",
          "SCMP_ARCH_S390",
          "SCMP_ARCH_S390X",
          "SCMP_ARCH_X32",
          "SCMP_ARCH_X86",
          "SCMP_ARCH_X86_64");

  static final List<String> FLAGS =
      List.of(
          "SECCOMP_FILTER_FLAG_TSYNC", "SECCOMP_FILTER_FLAG_LOG", "SECCOMP_FILTER_FLAG_SPEC_ALLOW");

  private ScriptedFeatures() {}

  /** Placeholders the script replaces by what it finds at {@code features} time. */
  static final String NAMESPACES = "@NAMESPACES@";

  static final String HOOKS = "@HOOKS@";

  /**
   * Writes the document for {@code violation} to {@code dir/features.json} once, at install, so
   * that {@code features} costs the script no JVM start: the namespace types {@code unshare} can
   * make and the hook phases it runs are left as placeholders for the script to fill in.
   */
  static void write(Path dir, String violation) throws IOException {
    ObjectNode f =
        document(List.of(NAMESPACES), List.of(HOOKS), violation == null ? "" : violation);
    Files.writeString(dir.resolve("features.json"), Container.JSON.writeValueAsString(f));
  }

  static String violation() {
    return ScriptedEnv.violation();
  }

  static ObjectNode document(List<String> namespaces, List<String> hooks, String violation) {
    ObjectNode f = Container.JSON.createObjectNode();
    f.put("ociVersionMin", OCI_MIN);
    // Claims a version newer than create accepts.
    f.put(
        "ociVersionMax", violation.equals("features.oci-version-max-accepted") ? "1.4.0" : OCI_MAX);
    ArrayNode h = f.putArray("hooks");
    hooks.forEach(h::add);
    f.putArray("mountOptions").add("bind").add("rbind").add("ro").add("rw").add("nosuid");
    ObjectNode linux = f.putObject("linux");
    add(linux.putArray("namespaces"), namespaces);
    add(linux.putArray("capabilities"), LinuxCapabilities.ALL);
    linux.putObject("cgroup").put("v1", false).put("v2", false).put("systemd", false);
    ObjectNode seccomp = linux.putObject("seccomp").put("enabled", true);
    add(seccomp.putArray("actions"), ACTIONS);
    add(seccomp.putArray("operators"), OPERATORS);
    add(seccomp.putArray("archs"), ARCHS);
    add(seccomp.putArray("knownFlags"), FLAGS);
    add(seccomp.putArray("supportedFlags"), FLAGS);
    linux.putObject("apparmor").put("enabled", false);
    linux.putObject("selinux").put("enabled", false);
    ObjectNode annotations = f.putObject("annotations");
    annotations.put("dev.ocikit.scripted.version", "0.0.1");
    if (violation.equals("features.schema")) {
      // Annotation values are strings.
      annotations.put("dev.ocikit.scripted.build", 7);
    }
    return f;
  }

  private static void add(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
