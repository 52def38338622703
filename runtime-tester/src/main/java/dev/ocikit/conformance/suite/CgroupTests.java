package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.cgroup.CgroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** config-linux.md "Control groups": limits read back from the container's cgroup on the host. */
final class CgroupTests {
  private static final String DOC = "config-linux.md";
  private static final long MEMORY = 64L * 1024 * 1024;
  private static final long PIDS = 64;

  /** What one container's cgroups looked like while created, and after delete. */
  record Seen(
      String layout,
      String id,
      String memPath,
      String memory,
      String pids,
      boolean removedAfterDelete,
      String dirs) {}

  private CgroupTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "cgroups.memory-limit",
            DOC,
            "memory",
            Level.MUST,
            "linux.resources.memory.limit is the container cgroup's memory limit",
            ctx -> {
              Seen s = seen(ctx);
              return Verdict.expect(
                  String.valueOf(MEMORY).equals(s.memory()),
                  MEMORY + " (cgroup " + s.layout() + ")",
                  s.memory());
            }),
        of(
            "cgroups.pids-limit",
            DOC,
            "pids",
            Level.MUST,
            "linux.resources.pids.limit is the container cgroup's pids.max",
            ctx -> {
              Seen s = seen(ctx);
              return Verdict.expect(
                  String.valueOf(PIDS).equals(s.pids()), String.valueOf(PIDS), s.pids());
            }),
        of(
            "cgroups.path",
            DOC,
            "cgroups-path",
            Level.MUST,
            "the container is placed at linux.cgroupsPath",
            ctx -> {
              Seen s = seen(ctx);
              return Verdict.expect(("/" + s.id()).equals(s.memPath()), "/" + s.id(), s.memPath());
            }),
        of(
            "cgroups.removed-on-delete",
            "runtime.md",
            "delete",
            Level.MUST,
            "delete removes the cgroups created for the container",
            ctx -> {
              Seen s = seen(ctx);
              return Verdict.expect(s.removedAfterDelete(), "no cgroup dirs", s.dirs());
            }));
  }

  private static Seen seen(Context ctx) throws Exception {
    return ctx.observations().get("cgroups", () -> make(ctx));
  }

  private static Seen make(Context ctx) throws Exception {
    CgroupLayout layout = ctx.cgroupHost().layout();
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(Scripts.SLEEPER)
        .generator()
        .resources()
        .memoryLimit(MEMORY)
        .pidsLimit(PIDS);
    c.createOk();
    JsonNode state = c.state();
    long pid = state == null ? -1 : state.path("pid").asLong(-1);
    if (pid <= 0) {
      throw new Unmet("precondition: no pid in state " + state);
    }
    String mem = layout.pathOf(pid, "memory").orElse("<none>");
    String pidsPath = layout.pathOf(pid, "pids").orElse("<none>");
    Path memDir = layout.dir("memory", mem);
    Path pidsDir = layout.dir("pids", pidsPath);
    String memory = read(memDir.resolve(layout.memoryLimitFile()));
    String pids = read(pidsDir.resolve(layout.pidsLimitFile()));
    c.kill("KILL");
    c.awaitStatus("stopped");
    c.delete();
    boolean removed = !Files.exists(memDir) && !Files.exists(pidsDir);
    return new Seen(
        layout.describe(),
        c.id(),
        mem,
        memory,
        pids,
        removed,
        memDir
            + " exists="
            + Files.exists(memDir)
            + ", "
            + pidsDir
            + " exists="
            + Files.exists(pidsDir));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).strip();
    } catch (IOException e) {
      return "<unreadable " + p + ">";
    }
  }
}
