package dev.ocikit.conformance.suite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Three created containers judged from the host through {@code /proc/PID/ns/*}: one listing every
 * namespace type without a path (new), one listing only mount (the rest inherited), and one joining
 * the namespaces of a helper process the harness starts with {@code unshare}. Mount is never
 * inherited: a runtime would then set up the rootfs in the host's mount namespace.
 *
 * @param host the harness's (= the runtime's) namespaces by config type
 * @param helper the helper process's namespaces
 * @param fresh namespaces of the container with new ones, empty when create failed
 * @param inherited namespaces of the container listing only mount
 * @param joined namespaces of the container joining the helper's by path
 * @param errors why a container is missing, by scenario name
 */
record NamespaceRun(
    Map<String, String> host,
    Map<String, String> helper,
    Map<String, String> fresh,
    Map<String, String> inherited,
    Map<String, String> joined,
    Map<String, String> errors) {
  static final List<String> TYPES = List.of("cgroup", "ipc", "mount", "network", "pid", "uts");

  /**
   * Options put first in the helper's {@code unshare}; none in a suite run. A seam for the judge
   * tests, which must pass without root too: there unshare can make the other namespaces only
   * inside a user namespace of its own ({@code --user --map-root-user}); no judge here compares
   * user namespaces, so the helper's own does not change what is judged.
   */
  static volatile List<String> helperOptions = List.of();

  static NamespaceRun get(Context ctx) throws Exception {
    return ctx.observations().get("namespaces", () -> make(ctx));
  }

  private static NamespaceRun make(Context ctx) throws Exception {
    java.nio.file.Files.createDirectories(ctx.workDir());
    List<String> unshare = new ArrayList<>(List.of("unshare"));
    unshare.addAll(helperOptions);
    unshare.addAll(
        List.of(
            "--kill-child",
            "--pid",
            "--fork",
            "--net",
            "--ipc",
            "--uts",
            "--mount",
            "--cgroup",
            "sleep",
            "600"));
    Process helper = HelperProcesses.start(unshare, ctx.workDir().resolve("unshare.log"));
    try {
      Optional<ProcessHandle> child = awaitChild(helper);
      if (child.isEmpty()) {
        throw new Unmet("precondition: `unshare --pid --fork … sleep` started no child");
      }
      long hp = child.get().pid();
      Map<String, String> host = new LinkedHashMap<>();
      Map<String, String> help = new LinkedHashMap<>();
      Map<String, String> fresh = new LinkedHashMap<>();
      Map<String, String> joinPaths = new LinkedHashMap<>();
      for (String t : TYPES) {
        host.put(t, HostProc.ownNs(t));
        help.put(t, HostProc.ns(hp, t));
        fresh.put(t, null);
        joinPaths.put(t, "/proc/" + hp + "/ns/" + HostProc.NS_FILES.get(t));
      }
      Map<String, String> errors = new LinkedHashMap<>();
      Map<String, String> mountOnly = new LinkedHashMap<>();
      mountOnly.put("mount", null);
      return new NamespaceRun(
          host,
          help,
          observe(ctx, fresh, "new", errors),
          observe(ctx, mountOnly, "inherited", errors),
          observe(ctx, joinPaths, "joined", errors),
          errors);
    } finally {
      HelperProcesses.kill(helper);
    }
  }

  private static Optional<ProcessHandle> awaitChild(Process p) {
    Optional<ProcessHandle>[] found = new Optional[] {Optional.empty()};
    Context.await(() -> (found[0] = p.children().findFirst()).isPresent(), Duration.ofSeconds(5));
    return found[0];
  }

  /** Creates a sleeper with these namespaces; returns its namespaces, or empty with an error. */
  private static Map<String, String> observe(
      Context ctx, Map<String, String> namespaces, String name, Map<String, String> errors)
      throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).namespaces(namespaces);
    if (!namespaces.containsKey("uts")) {
      // config.md#hostname needs a new UTS namespace; runc rightly refuses a hostname without one.
      c.bundle().config().hostname(null);
    }
    var r = c.create();
    Map<String, String> seen = new LinkedHashMap<>();
    if (!r.ok()) {
      ctx.requireBaseline();
      errors.put(name, "create failed: " + r.describe());
      return seen;
    }
    long pid = HostProc.pidOf(c);
    for (String t : TYPES) {
      seen.put(t, HostProc.ns(pid, t));
    }
    c.kill("KILL");
    return seen;
  }

  /** Judges one type in one scenario: "new", "inherited" or "joined". */
  Verdict judge(String type, String scenario) {
    Map<String, String> seen =
        switch (scenario) {
          case "new" -> fresh;
          case "inherited" -> inherited;
          default -> joined;
        };
    if (seen.isEmpty()) {
      return Verdict.fail("the container is created", errors.get(scenario));
    }
    String got = seen.get(type);
    String actual =
        "container " + got + ", runtime " + host.get(type) + ", helper " + helper.get(type);
    return switch (scenario) {
      case "new" ->
          Verdict.expect(
              !got.equals(host.get(type)) && !got.equals(helper.get(type)) && !got.startsWith("<"),
              "a new " + type + " namespace",
              actual);
      case "inherited" ->
          Verdict.expect(
              got.equals(host.get(type)), "the runtime's " + type + " namespace", actual);
      default ->
          Verdict.expect(
              got.equals(helper.get(type)), "the helper's " + type + " namespace (path)", actual);
    };
  }
}
