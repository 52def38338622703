package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.LifecycleTests.statusIs;
import static dev.ocikit.conformance.suite.OperationErrorTests.mustFail;
import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** runtime.md "Kill" and "Delete". */
final class KillDeleteTests {
  private static final String DOC = "runtime.md";

  private KillDeleteTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "kill.term-running",
            DOC,
            "kill",
            Level.MUST,
            "kill TERM reaches the running process (its trap runs) and it stops",
            KillDeleteTests::term),
        of(
            "kill.usr1-running",
            DOC,
            "kill",
            Level.MUST,
            "kill USR1 reaches the running process and it keeps running",
            KillDeleteTests::usr1),
        of(
            "kill.kill-running",
            DOC,
            "kill",
            Level.MUST,
            "kill KILL stops a running container",
            ctx -> killed(ctx.createdSleeper().startOk())),
        of(
            "kill.kill-created",
            DOC,
            "kill",
            Level.MUST,
            "kill KILL of a created container succeeds and it becomes `stopped`",
            ctx -> killed(ctx.createdSleeper())),
        of(
            "kill.stopped-fails",
            DOC,
            "kill",
            Level.MUST,
            "kill of a stopped container fails and leaves it stopped",
            KillDeleteTests::killStopped),
        of(
            "delete.running-without-force-fails",
            DOC,
            "delete",
            Level.MUST,
            "delete of a running container fails and the container keeps running",
            KillDeleteTests::deleteRunning),
        of(
            "delete.created-without-force-fails",
            DOC,
            "delete",
            Level.MUST,
            "delete of a created container (its pid is alive) fails and it stays created",
            KillDeleteTests::deleteCreated),
        of(
            "delete.removes-container",
            DOC,
            "delete",
            Level.MUST,
            "delete of a stopped container succeeds and state then fails",
            KillDeleteTests::deleteRemoves),
        of(
            "delete.id-reusable",
            DOC,
            "delete",
            Level.MAY,
            "after delete the same id can be used by a new container",
            KillDeleteTests::idReusable));
  }

  private static Verdict term(Context ctx) throws Exception {
    Container c = ctx.createdSleeper().startOk();
    c.awaitMarker("ran");
    CallResult r = c.kill("TERM");
    if (!r.ok()) {
      return Verdict.fail("kill TERM succeeds", r.describe());
    }
    boolean trapped = c.awaitMarker("signals") && c.marker("signals").contains("TERM");
    return Verdict.expect(trapped, "TERM trap ran", "signals: " + c.marker("signals").strip())
        .and(() -> statusIs(c.awaitStatus("stopped"), "stopped"));
  }

  private static Verdict usr1(Context ctx) throws Exception {
    Container c = ctx.createdSleeper().startOk();
    c.awaitMarker("ran");
    CallResult r = c.kill("USR1");
    if (!r.ok()) {
      return Verdict.fail("kill USR1 succeeds", r.describe());
    }
    boolean trapped = c.awaitMarker("signals") && c.marker("signals").contains("USR1");
    return Verdict.expect(trapped, "USR1 trap ran", "signals: " + c.marker("signals").strip())
        .and(() -> statusIs(c.status(), "running"));
  }

  private static Verdict killed(Container c) {
    CallResult r = c.kill("KILL");
    if (!r.ok()) {
      return Verdict.fail("kill KILL succeeds", r.describe());
    }
    return statusIs(c.awaitStatus("stopped"), "stopped");
  }

  private static Container stopped(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK);
    c.createOk().startOk();
    if (!"stopped".equals(c.awaitStatus("stopped"))) {
      throw new Unmet("precondition: container did not reach `stopped`: " + c.status());
    }
    return c;
  }

  private static Verdict killStopped(Context ctx) throws Exception {
    Container c = stopped(ctx);
    return mustFail(c.kill("KILL")).and(() -> statusIs(c.status(), "stopped"));
  }

  private static Verdict deleteRunning(Context ctx) throws Exception {
    Container c = ctx.createdSleeper().startOk();
    JsonNode before = c.state();
    return mustFail(c.delete()).and(() -> unchanged(c, before, "running"));
  }

  private static Verdict deleteCreated(Context ctx) throws Exception {
    Container c = ctx.createdSleeper();
    JsonNode before = c.state();
    return mustFail(c.delete()).and(() -> unchanged(c, before, "created"));
  }

  private static Verdict unchanged(Container c, JsonNode before, String status) {
    JsonNode after = c.state();
    return Verdict.expect(
        after != null
            && before != null
            && before.path("pid").equals(after.path("pid"))
            && status.equals(after.path("status").asString("")),
        "still " + status + " with pid " + (before == null ? "?" : before.path("pid")),
        String.valueOf(after));
  }

  private static Verdict deleteRemoves(Context ctx) throws Exception {
    Container c = stopped(ctx);
    CallResult r = c.delete();
    if (!r.ok()) {
      return Verdict.fail("delete succeeds", r.describe());
    }
    return Verdict.expect(c.state() == null, "state fails after delete", "state still works");
  }

  private static Verdict idReusable(Context ctx) throws Exception {
    Container c = stopped(ctx);
    CallResult r = c.delete();
    if (!r.ok()) {
      throw new Unmet("precondition: delete failed: " + r.describe());
    }
    c.bundle().config().shell(Scripts.SLEEPER);
    CallResult again = c.create();
    return Verdict.expect(again.ok(), "create with the reused id succeeds", again.describe())
        .and(() -> statusIs(c.status(), "created"));
  }
}
