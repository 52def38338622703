package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The part of {@code create} in Java that {@code scripted-hooks.sh} reads: config.json's hooks,
 * whether it has a process, the namespaces it joins by path and its bind mount sources, written
 * into the container's state dir in a form bash reads without a JSON parser.
 *
 * <p>Each hook becomes {@code hooks/PHASE/NNN/} (NNN its index in the array, zero-padded so a glob
 * lists them in array order) holding {@code path}, {@code args} and {@code env} (NUL-separated) and
 * {@code timeout} when set.
 */
final class ScriptedHooks {
  private ScriptedHooks() {}

  static void write(JsonNode config, Path state) throws IOException {
    JsonNode hooks = config.path("hooks");
    for (String phase : HookRun.PHASES) {
      JsonNode list = hooks.path(phase);
      for (int i = 0; i < list.size(); i++) {
        JsonNode h = list.get(i);
        Path dir = Files.createDirectories(state.resolve("hooks/" + phase + "/%03d".formatted(i)));
        Files.writeString(dir.resolve("path"), h.path("path").asString(""));
        Files.writeString(dir.resolve("args"), nulSeparated(h.path("args")));
        Files.writeString(dir.resolve("env"), nulSeparated(h.path("env")));
        if (h.path("timeout").isNumber()) {
          Files.writeString(dir.resolve("timeout"), h.path("timeout").asString());
        }
      }
    }
    if (config.path("process").isMissingNode()) {
      Files.writeString(state.resolve("no-process"), "");
    }
    List<String> joined = new ArrayList<>();
    config
        .path("linux")
        .path("namespaces")
        .forEach(
            n -> {
              if (!n.path("path").asString("").isEmpty()) {
                joined.add(n.path("path").asString());
              }
            });
    Files.write(state.resolve("joined"), joined);
    List<String> sources = new ArrayList<>();
    config
        .path("mounts")
        .forEach(
            m -> {
              boolean bind = "bind".equals(m.path("type").asString(""));
              for (JsonNode o : m.path("options")) {
                bind |= o.asString("").equals("bind") || o.asString("").equals("rbind");
              }
              if (bind) {
                sources.add(m.path("source").asString(""));
              }
            });
    Files.write(state.resolve("bind-sources"), sources);
  }

  private static String nulSeparated(JsonNode array) {
    StringBuilder b = new StringBuilder();
    array.forEach(a -> b.append(a.asString()).append('\0'));
    return b.toString();
  }
}
