package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * {@code create}'s part for a process that is more than args, env and cwd: it warns about the
 * capabilities it cannot map, as config.md asks, and marks the container whose process needs {@code
 * scripted-process.py} (a seccomp filter, a terminal, a console size, a scheduler or an I/O
 * priority): one the kernel must confine, inside the bundle's rootfs, which the plain held process
 * of {@code scripted-runtime.sh} does not give.
 */
final class ScriptedProcess {
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
   * Writes {@code launch} into {@code state} when the process needs the launcher (the unknown
   * capability warning is {@link ScriptedConfig}'s, printed when the config is admitted).
   */
  static void prepare(JsonNode config, Path state) throws IOException {
    JsonNode process = config.path("process");
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
