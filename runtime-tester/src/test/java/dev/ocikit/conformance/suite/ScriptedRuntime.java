package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.checker.Observe;
import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.driver.RunMark;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A runtime that needs no root: {@code scripted-runtime.sh} plays the runc command line and this
 * class is the part of its {@code create} that makes the container's report. The container never
 * exists; its {@code Observe} report is {@link ScriptedObserver}'s for the bundle's own
 * config.json, with the one {@link Violation} named by {@code OCIKIT_SCRIPTED_VIOLATION} applied.
 */
final class ScriptedRuntime {
  /** The environment variable naming the test id whose property the runtime gets wrong. */
  static final String VIOLATION_ENV = "OCIKIT_SCRIPTED_VIOLATION";

  /**
   * The script's parts, concatenated in this order: an area's functions (hooks, namespaces, ...)
   * first, the command dispatcher that calls them last.
   */
  private static final List<String> PARTS =
      List.of(
          "scripted-cgroups.sh",
          "scripted-hooks.sh",
          "scripted-namespaces.sh",
          "scripted-ops.sh",
          "scripted-process.sh",
          "scripted-runtime.sh");

  /** Files the parts run, written beside the script. */
  private static final List<String> FILES = List.of("scripted-process.py");

  private ScriptedRuntime() {}

  /**
   * Writes an executable runtime into {@code dir}, breaking what the test {@code violation} checks
   * (nothing when null), and returns its path.
   */
  static Path install(Path dir, String violation) throws IOException {
    Path state = Files.createDirectories(dir.resolve("state"));
    StringBuilder body = new StringBuilder();
    for (String part : PARTS) {
      try (InputStream in = ScriptedRuntime.class.getResourceAsStream(part)) {
        body.append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
      }
    }
    String header =
        "#!/bin/bash\n"
            + "STATE="
            + quote(state.toString())
            + "\nexport "
            + VIOLATION_ENV
            + "="
            + quote(violation == null ? "" : violation)
            + "\nCREATE_PORT="
            + ScriptedCreateServer.port()
            + "\n";
    for (String file : FILES) {
      try (InputStream in = ScriptedRuntime.class.getResourceAsStream(file)) {
        Files.write(dir.resolve(file), in.readAllBytes());
      }
    }
    ScriptedFeatures.write(dir, violation);
    Path script = dir.resolve("scripted-runtime");
    Files.writeString(script, header + body);
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /**
   * The usual judge-test setup: the runtime installed in {@code dir/rt}, breaking what {@code
   * violation} names (nothing when null), and a context for it working in {@code dir/ctx}.
   */
  static Context context(Path dir, String violation) throws IOException {
    Path runtime = install(Files.createDirectories(dir.resolve("rt")), violation);
    return context(runtime, dir.resolve("ctx"), new ObservationCache());
  }

  /** A context driving {@code runtime} like a run of the suite does, with its own work dirs. */
  static Context context(Path runtime, Path dir, ObservationCache cache) throws IOException {
    String prefix = "ocikit-judge-" + ProcessHandle.current().pid();
    RuntimeDriver driver =
        new RuntimeDriver(
            runtime,
            new CallLimits(Duration.ofSeconds(30), 1 << 20),
            Files.createDirectories(dir.resolve("scratch")),
            new RunMark(prefix));
    return new Context(driver, "scripted", dir.resolve("work"), prefix, cache, "1.3.0");
  }

  private static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /**
   * {@code create}'s part in Java: {@code BUNDLE STATE_DIR}. For an observer container, writes the
   * report next to where Observe would, for {@code start} to move into place; for any other, the
   * process's args, env (NUL-separated) and cwd and the annotations, for the script.
   */
  public static void main(String[] args) throws IOException {
    try {
      create(args[0], args[1]);
    } catch (Refused e) {
      System.err.println("create: " + e.getMessage());
      System.exit(1);
    }
  }

  /** Why create refuses a bundle: the runtime's one-line message. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /**
   * {@link #main}'s work for {@code BUNDLE STATE_DIR}, run in the test JVM by {@link
   * ScriptedCreateServer}; throws {@link Refused} where create must fail.
   */
  static void create(String bundle, String stateDir) throws IOException {
    String[] args = {bundle, stateDir};
    Path state = Path.of(args[1]);
    JsonNode config = ScriptedConfig.admit(Path.of(args[0]), state);
    if (config == null) {
      // Not JSON, yet accepted by a violation: a container of an empty config, which runs nothing.
      config = Container.JSON.createObjectNode();
    }
    ScriptedHooks.write(config, state);
    JsonNode process = config.path("process");
    List<String> argv = strings(process.path("args"));
    int at = argv.indexOf(Observe.class.getName());
    if (at < 0 || at + 1 >= argv.size()) {
      argv = ScriptedMounts.create(config, Path.of(args[0]), state, argv);
      Files.writeString(state.resolve("argv"), nulSeparated(argv));
      Files.writeString(state.resolve("env"), nulSeparated(strings(process.path("env"))));
      Files.writeString(state.resolve("cwd"), process.path("cwd").asString("/"));
      ScriptedNamespaces.describe(config, state);
      JsonNode annotations = config.path("annotations");
      Files.writeString(
          state.resolve("annotations"),
          annotations.isObject() ? Container.JSON.writeValueAsString(annotations) : "");
      ScriptedProcess.prepare(config, state);
      ScriptedCgroups.create(config, state);
      return;
    }
    String out = argv.get(at + 1);
    ObjectNode report = ScriptedObserver.report(config, argv.subList(at + 2, argv.size()));
    String name = ScriptedEnv.violation();
    Violation v = Violation.ALL.get(name);
    if (v != null && v.target() == Violation.Target.SHARED) {
      v.edit().apply(report);
    }
    Files.writeString(Path.of(out + ".pending"), Container.JSON.writeValueAsString(report));
    Files.writeString(state.resolve("report-dest"), out);
  }

  private static List<String> strings(JsonNode array) {
    List<String> l = new ArrayList<>();
    array.forEach(a -> l.add(a.asString()));
    return l;
  }

  private static String nulSeparated(List<String> values) {
    StringBuilder b = new StringBuilder();
    values.forEach(v -> b.append(v).append('\0'));
    return b.toString();
  }
}
