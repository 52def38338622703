package dev.ocikit.conformance.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One container with a logging hook in every phase, driven through create, start, kill and delete.
 * Records which hooks had run after each step, the state JSON each hook read on stdin and the
 * namespaces each hook ran in (its {@code /proc/self/ns} links) beside the container process's and
 * the harness's (hence the runtime's); the hook tests judge this one run.
 *
 * @param afterStop the log once the process was killed and seen stopped, before delete (poststop
 *     belongs to delete, not to the process's end)
 * @param namespaces per phase, the hook's namespace links by /proc name (empty when it never ran)
 * @param containerNs the container process's namespace links, read from the host after create
 * @param oomScoreAdj the container process's oom_score_adj after create (the config sets none)
 */
record HookRun(
    String id,
    List<String> afterCreate,
    List<String> afterStart,
    List<String> afterStop,
    List<String> afterDelete,
    Map<String, String> stdin,
    Map<String, Map<String, String>> namespaces,
    Map<String, String> containerNs,
    String oomScoreAdj) {

  static final String[] PHASES = {
    "prestart", "createRuntime", "createContainer", "startContainer", "poststart", "poststop"
  };

  static HookRun make(Context ctx) throws Exception {
    Container c = ctx.container();
    String log = c.bundle().shared().toString();
    for (String phase : PHASES) {
      c.bundle()
          .config()
          .hook(
              phase,
              "/bin/busybox",
              List.of("sh", "-c", HookNamespaces.record(log, phase) + Scripts.hook(log, phase)),
              List.of());
      if (phase.equals("createRuntime")) {
        // A second hook of the same phase: array order must be kept, and env must reach it.
        c.bundle()
            .config()
            .hook(
                phase,
                "/bin/busybox",
                List.of(
                    "sh",
                    "-c",
                    "echo \"$OCIKIT_HOOK\" > "
                        + log
                        + "/hook-env; "
                        + Scripts.hook(log, "createRuntime2")),
                List.of("OCIKIT_HOOK=env-ok"));
      }
    }
    c.bundle().config().shell("echo process >> $MARK/hooks.log; " + Scripts.SLEEPER);
    c.createOk();
    long pid = HostProc.pidOf(c);
    Map<String, String> containerNs = HookNamespaces.linksOf(pid);
    String oomScoreAdj = HostProc.read("/proc/" + pid + "/oom_score_adj").strip();
    List<String> afterCreate = log(c);
    c.startOk();
    c.awaitMarker("ran");
    // poststart is synchronous in the lifecycle, but allow a moment for runtimes that fork it.
    Context.await(() -> log(c).contains("poststart"), java.time.Duration.ofMillis(500));
    List<String> afterStart = log(c);
    c.kill("KILL");
    c.awaitStatus("stopped");
    List<String> afterStop = log(c);
    var del = c.delete();
    if (!del.ok()) {
      throw new Unmet("precondition: delete of the stopped container failed: " + del.describe());
    }
    List<String> afterDelete = log(c);
    Map<String, String> stdin = new HashMap<>();
    for (String phase : PHASES) {
      stdin.put(phase, c.marker("state-" + phase + ".json"));
    }
    stdin.put("env", c.marker("hook-env").strip());
    Map<String, Map<String, String>> namespaces = new HashMap<>();
    for (String phase : PHASES) {
      namespaces.put(phase, HookNamespaces.parse(c.marker("ns-" + phase)));
    }
    return new HookRun(
        c.id(),
        afterCreate,
        afterStart,
        afterStop,
        afterDelete,
        stdin,
        namespaces,
        containerNs,
        oomScoreAdj);
  }

  private static List<String> log(Container c) {
    List<String> lines = new ArrayList<>();
    for (String l : c.marker("hooks.log").split("\n")) {
      if (!l.isBlank()) {
        lines.add(l.strip());
      }
    }
    return lines;
  }

  /** The state a hook read, or null when it is missing or not JSON. */
  JsonNode state(String phase) {
    try {
      String s = stdin.get(phase);
      return s == null || s.isBlank() ? null : Container.JSON.readTree(s);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static boolean exists(Path p) {
    return Files.exists(p);
  }
}
