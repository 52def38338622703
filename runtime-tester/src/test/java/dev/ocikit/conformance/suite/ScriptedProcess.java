package dev.ocikit.conformance.suite;

import dev.ocikit.spec.LinuxCapabilities;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code create}'s part for a process that is more than args, env and cwd: it warns about the
 * capabilities it cannot map, as config.md asks, and marks the container whose process needs {@code
 * scripted-process.py} (a seccomp filter, a terminal, a console size, a scheduler or an I/O
 * priority): one the kernel must confine, inside the bundle's rootfs, which the plain held process
 * of {@code scripted-runtime.sh} does not give.
 */
final class ScriptedProcess {
  private static final List<String> SETS =
      List.of("bounding", "effective", "inheritable", "permitted", "ambient");

  private ScriptedProcess() {}

  /**
   * The oom_score_adj {@code scripted-process.sh} gives a process when it breaks
   * process.oom-score-adj-unset: 999, or 1000 when the runtime already runs with 999.
   */
  static String violatingOomScoreAdj() {
    try {
      return Files.readString(Path.of("/proc/self/oom_score_adj")).strip().equals("999")
          ? "1000"
          : "999";
    } catch (IOException e) {
      return "999";
    }
  }

  /**
   * Prints the capability warning to stderr and writes {@code launch} into {@code state} when the
   * process needs the launcher.
   */
  static void prepare(JsonNode config, Path state) throws IOException {
    JsonNode process = config.path("process");
    Set<String> unknown = new TreeSet<>();
    for (String set : SETS) {
      for (JsonNode cap : process.path("capabilities").path(set)) {
        if (!LinuxCapabilities.ALL.contains(cap.asString())) {
          unknown.add(cap.asString());
        }
      }
    }
    boolean silent =
        "process.capability-unknown-warned".equals(System.getenv(ScriptedRuntime.VIOLATION_ENV));
    if (!unknown.isEmpty() && !silent) {
      System.err.println("warning: ignoring unknown or unavailable capabilities: " + unknown);
    }
    boolean launch =
        config.path("linux").has("seccomp")
            || process.path("terminal").asBoolean(false)
            || process.has("consoleSize")
            || process.has("scheduler")
            || process.has("ioPriority");
    if (launch) {
      Files.writeString(state.resolve("launch"), "");
    }
  }
}
