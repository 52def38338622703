package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * config.md "POSIX-platform Hooks" and runtime.md "Lifecycle": when hooks run and what they get.
 */
final class HookTests {
  private static final String CONFIG = "config.md";
  private static final String RUNTIME = "runtime.md";

  private HookTests() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    t.add(ranDuring("prestart", "create", 3));
    // The three hooks of runtime-spec#1008 came with 1.0.2.
    t.add(ranDuring("createRuntime", "create", 4).since("1.0.2"));
    t.add(ranDuring("createContainer", "create", 5).since("1.0.2"));
    t.add(ranDuring("startContainer", "start", 7).since("1.0.2"));
    t.add(ranDuring("poststart", "start", 9));
    t.add(ranDuring("poststop", "delete", 13));
    t.add(
        of(
                "hooks.order",
                RUNTIME,
                "lifecycle",
                Level.MUST,
                "hooks run in lifecycle order, startContainer before the process, same-phase hooks in"
                    + " array order",
                HookTests::order)
            .since("1.0.2"));
    t.add(
        of(
                "hooks.state-on-stdin",
                CONFIG,
                "posix-platform-hooks",
                Level.MUST,
                "every hook reads the container state JSON with the right id on stdin",
                HookTests::stdinState)
            .since("1.0.2"));
    t.add(
        of(
                "hooks.state-status-creating",
                RUNTIME,
                "state",
                Level.SHOULD,
                "createRuntime hooks see status `creating`, poststop hooks see `stopped`",
                HookTests::stdinStatus)
            .since("1.0.2"));
    t.add(
        of(
                "hooks.env",
                CONFIG,
                "posix-platform-hooks",
                Level.MUST,
                "a hook's env entries reach the hook process",
                ctx -> {
                  String env = run(ctx).stdin().get("env");
                  return Verdict.expect(
                      "env-ok".equals(env), "OCIKIT_HOOK=env-ok", "'" + env + "'");
                })
            .since("1.0.2"));
    t.addAll(HookFailureTests.all());
    return t;
  }

  static HookRun run(Context ctx) throws Exception {
    return ctx.observations().get("hooks", () -> HookRun.make(ctx));
  }

  private static SpecTest ranDuring(String phase, String op, int step) {
    return of(
        "hooks." + phase + "-runs-at-" + op,
        RUNTIME,
        "lifecycle",
        Level.MUST,
        "the " + phase + " hook runs during " + op + " (lifecycle step " + step + ")",
        ctx -> {
          HookRun r = run(ctx);
          List<String> before =
              switch (op) {
                case "create" -> List.of();
                case "start" -> r.afterCreate();
                // Not afterStart: poststop must wait for delete, not run when the process ends.
                default -> r.afterStop();
              };
          List<String> after =
              switch (op) {
                case "create" -> r.afterCreate();
                case "start" -> r.afterStart();
                default -> r.afterDelete();
              };
          boolean ok = !before.contains(phase) && after.contains(phase);
          return Verdict.expect(
              ok,
              phase + " first logged after " + op,
              "log after create "
                  + r.afterCreate()
                  + ", after start "
                  + r.afterStart()
                  + ", once stopped "
                  + r.afterStop()
                  + ", after delete "
                  + r.afterDelete());
        });
  }

  private static Verdict order(Context ctx) throws Exception {
    HookRun r = run(ctx);
    List<String> log = r.afterDelete();
    List<String> want =
        List.of(
            "prestart",
            "createRuntime",
            "createRuntime2",
            "createContainer",
            "startContainer",
            "process",
            "poststop");
    List<String> got = new ArrayList<>(log);
    got.remove("poststart"); // may race with the process's own log line; judged separately
    return Verdict.expect(
        got.equals(want) && log.indexOf("poststart") > log.indexOf("startContainer"),
        "order " + want + " with poststart after startContainer",
        "log " + log);
  }

  private static Verdict stdinState(Context ctx) throws Exception {
    HookRun r = run(ctx);
    List<String> bad = new ArrayList<>();
    for (String phase : HookRun.PHASES) {
      JsonNode s = r.state(phase);
      if (s == null || !r.id().equals(s.path("id").asString(""))) {
        bad.add(phase + ": " + r.stdin().get(phase));
      }
    }
    return Verdict.expect(
        bad.isEmpty(), "state JSON with id " + r.id() + " for every phase", String.join("; ", bad));
  }

  private static Verdict stdinStatus(Context ctx) throws Exception {
    HookRun r = run(ctx);
    String cr = statusOf(r.state("createRuntime"));
    String ps = statusOf(r.state("poststop"));
    return Verdict.expect(
        "creating".equals(cr) && "stopped".equals(ps),
        "createRuntime sees creating, poststop sees stopped",
        "createRuntime saw " + cr + ", poststop saw " + ps);
  }

  private static String statusOf(JsonNode s) {
    return s == null ? "<no state>" : s.path("status").asString("<no status>");
  }
}
