package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * The part of {@link ScriptedRuntime}'s {@code create} that tells {@code scripted-namespaces.sh}
 * how config-linux.md wants the held process set up, one plain file per property in the container's
 * state dir, so the script needs no JSON parser: {@code ns} (one {@code TYPE PATH} line per
 * namespace, no path for a new one), {@code timens} ({@code CLOCK SECS} lines), {@code personality}
 * (the domain), {@code mempolicy} ({@code MODE NODES}) and {@code intelrdt} (present when {@code
 * linux.intelRdt} is set).
 */
final class ScriptedNamespaces {
  private ScriptedNamespaces() {}

  /** Writes the files for {@code config} into the container's state dir {@code state}. */
  static void describe(JsonNode config, Path state) throws IOException {
    JsonNode linux = config.path("linux");
    StringBuilder ns = new StringBuilder();
    for (JsonNode n : linux.path("namespaces")) {
      ns.append(n.path("type").asString("")).append(' ').append(n.path("path").asString(""));
      ns.append('\n');
    }
    Files.writeString(state.resolve("ns"), ns);
    StringBuilder offsets = new StringBuilder();
    for (String clock : new String[] {"monotonic", "boottime"}) {
      JsonNode o = linux.path("timeOffsets").path(clock);
      if (o.isObject()) {
        // unshare takes whole seconds: nanosecs are not played (no judge sets them).
        offsets.append(clock).append(' ').append(o.path("secs").asLong(0)).append('\n');
      }
    }
    Files.writeString(state.resolve("timens"), offsets);
    Files.writeString(
        state.resolve("personality"), linux.path("personality").path("domain").asString(""));
    JsonNode policy = linux.path("memoryPolicy");
    Files.writeString(
        state.resolve("mempolicy"),
        policy.isObject()
            ? policy.path("mode").asString("") + " " + policy.path("nodes").asString("")
            : "");
    if (linux.has("intelRdt")) {
      Files.writeString(state.resolve("intelrdt"), "");
    }
  }
}
