package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * runtime.md "Delete": resources the runtime did not create for the container stay after delete.
 * One container joins the pid, network and ipc namespaces of a helper process the harness holds and
 * bind-mounts a host directory; after delete the helper must still be alive in the same namespaces
 * and the directory still hold its file.
 *
 * @param nsBefore the helper's namespace links before create, by /proc name
 * @param nsAfter the helper's namespace links after delete (unreadable ones when it died)
 * @param helperAlive whether the helper was alive after delete
 * @param source what the bind source's file held after delete (empty when gone)
 */
record DeleteForeignTests(
    Map<String, String> nsBefore, Map<String, String> nsAfter, boolean helperAlive, String source) {
  static final String CONTENT = "ocikit foreign file";
  private static final List<String> JOINED = List.of("pid", "network", "ipc");

  static List<SpecTest> all() {
    return List.of(
        of(
            "delete.keeps-joined-namespaces",
            "runtime.md",
            "delete",
            Level.MUST,
            "delete leaves the namespaces a container joined by path, and the process holding"
                + " them, as they were",
            ctx -> {
              DeleteForeignTests r = get(ctx);
              List<String> p = r.namespaceProblems();
              return Verdict.expect(
                  p.isEmpty(), "the helper alive in namespaces " + r.nsBefore(), p.toString());
            }),
        of(
            "delete.keeps-bind-source",
            "runtime.md",
            "delete",
            Level.MUST,
            "delete leaves a bind-mounted host directory and its file in place",
            ctx -> {
              DeleteForeignTests r = get(ctx);
              return Verdict.expect(
                  CONTENT.equals(r.source()),
                  "the host file still holds '" + CONTENT + "'",
                  r.source().isEmpty() ? "file gone" : "'" + r.source() + "'");
            }));
  }

  /** Every way the helper's namespaces departed from how they were before the container. */
  List<String> namespaceProblems() {
    List<String> out = new ArrayList<>();
    if (!helperAlive) {
      out.add("the helper holding the joined namespaces was killed");
    }
    nsBefore.forEach(
        (type, link) -> {
          if (!link.equals(nsAfter.get(type))) {
            out.add(type + " " + link + " became " + nsAfter.get(type));
          }
        });
    return out;
  }

  private static DeleteForeignTests get(Context ctx) throws Exception {
    return ctx.observations().get("delete-foreign", () -> make(ctx));
  }

  private static DeleteForeignTests make(Context ctx) throws Exception {
    Files.createDirectories(ctx.workDir());
    Process helper =
        HelperProcesses.start(
            List.of("unshare", "--kill-child", "--fork", "--pid", "--net", "--ipc", "sleep", "600"),
            ctx.workDir().resolve("foreign-unshare.log"));
    try {
      @SuppressWarnings("unchecked")
      Optional<ProcessHandle>[] found = new Optional[] {Optional.empty()};
      Context.await(
          () -> (found[0] = helper.children().findFirst()).isPresent(), Duration.ofSeconds(5));
      if (found[0].isEmpty()) {
        throw new Unmet("precondition: `unshare --fork … sleep` started no child");
      }
      ProcessHandle sleeper = found[0].get();
      Map<String, String> before = namespaces(sleeper.pid());
      Container c = ctx.container();
      Path source = Files.createDirectories(ctx.workDir().resolve("foreign-" + c.id()));
      Files.writeString(source.resolve("file"), CONTENT);
      Map<String, String> ns = new LinkedHashMap<>();
      ns.put("mount", null);
      ns.put("uts", null);
      for (String t : JOINED) {
        ns.put(t, "/proc/" + sleeper.pid() + "/ns/" + HostProc.NS_FILES.get(t));
      }
      c.bundle()
          .config()
          .shell(Scripts.SLEEPER)
          .namespaces(ns)
          .mount("/ocikit-foreign", "bind", source.toString(), "rbind", "rw");
      c.createOk();
      c.startOk();
      c.awaitMarker("ran");
      c.kill("KILL");
      c.awaitStatus("stopped");
      var d = c.delete();
      if (!d.ok()) {
        throw new Unmet("precondition: delete of the stopped container failed: " + d.describe());
      }
      Path file = source.resolve("file");
      String left = Files.isRegularFile(file) ? Files.readString(file) : "";
      return new DeleteForeignTests(before, namespaces(sleeper.pid()), sleeper.isAlive(), left);
    } finally {
      HelperProcesses.kill(helper);
    }
  }

  private static Map<String, String> namespaces(long pid) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String t : JOINED) {
      out.put(t, HostProc.ns(pid, t));
    }
    return out;
  }
}
