package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** runtime.md "State", "Lifecycle", "Create" and "Start": what each successful step leaves. */
final class LifecycleTests {
  private static final String DOC = "runtime.md";

  private LifecycleTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "lifecycle.create-status-created",
            DOC,
            "create",
            Level.MUST,
            "after create the status is `created`",
            ctx -> statusIs(ctx.createdSleeper().status(), "created")),
        of(
            "lifecycle.create-does-not-run-process",
            DOC,
            "lifecycle",
            Level.MUST,
            "process.args do not run until start, and do run after it",
            LifecycleTests::notRunBeforeStart),
        of(
            "lifecycle.start-status-running",
            DOC,
            "start",
            Level.MUST,
            "after start the status is `running`",
            ctx -> statusIs(ctx.createdSleeper().startOk().status(), "running")),
        of(
            "lifecycle.exit-status-stopped",
            DOC,
            "kill",
            Level.MUST,
            "when the process exits on its own the status becomes `stopped`",
            LifecycleTests::exitStopped),
        of(
            "lifecycle.start-twice",
            DOC,
            "start",
            Level.MUST,
            "start of an already started container fails and does not affect it",
            LifecycleTests::startTwice),
        of(
            "lifecycle.config-edits-ignored",
            DOC,
            "lifecycle",
            Level.MUST,
            "edits to config.json after create do not affect the container",
            LifecycleTests::configEditsIgnored),
        of(
            "lifecycle.pid-file",
            DOC,
            "state",
            Level.SHOULD,
            "create --pid-file (runc CLI convention) writes the pid that state reports",
            LifecycleTests::pidFile),
        of(
            "state.fields",
            DOC,
            "state",
            Level.MUST,
            "state has ociVersion, id, status, pid and bundle of the right JSON types",
            LifecycleTests::stateFields),
        of(
            "state.pid-created-running",
            DOC,
            "state",
            Level.MUST,
            "pid is a live host process (> 0) while created and while running",
            LifecycleTests::pidPositive),
        of(
            "state.bundle-absolute",
            DOC,
            "state",
            Level.MUST,
            "bundle is the absolute path of the bundle directory",
            LifecycleTests::bundleAbsolute),
        of(
            "state.annotations",
            DOC,
            "state",
            Level.MUST,
            "annotations from config.json appear in the state",
            LifecycleTests::annotations));
  }

  static Verdict statusIs(String actual, String want) {
    return Verdict.expect(want.equals(actual), "status " + want, "status " + actual);
  }

  private static Verdict notRunBeforeStart(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK);
    c.createOk();
    // Give a runtime that wrongly runs the process at create time a moment to show it.
    Thread.sleep(150);
    if (c.hasMarker("ran")) {
      return Verdict.fail("no marker before start", "marker written before start");
    }
    c.startOk();
    return Verdict.expect(c.awaitMarker("ran"), "marker after start", "no marker after start");
  }

  private static Verdict exitStopped(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK);
    c.createOk().startOk();
    return statusIs(c.awaitStatus("stopped"), "stopped");
  }

  private static Verdict startTwice(Context ctx) throws Exception {
    Container c = ctx.createdSleeper().startOk();
    c.awaitMarker("ran");
    JsonNode before = c.state();
    CallResult again = c.start();
    JsonNode after = c.state();
    return OperationErrorTests.mustFail(again)
        .and(
            () ->
                Verdict.expect(
                    before != null
                        && after != null
                        && before.equals(after)
                        && c.marker("ran").equals("ran\n"),
                    "unchanged state " + before + " and one run",
                    "state " + after + ", marker " + c.marker("ran").strip()));
  }

  private static Verdict configEditsIgnored(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell("echo original > $MARK/which");
    c.createOk();
    c.bundle().config().shell("echo edited > $MARK/which");
    c.bundle().write();
    c.startOk();
    c.awaitMarker("which");
    String which = c.marker("which").strip();
    return Verdict.expect("original".equals(which), "args from create time ran", which);
  }

  private static Verdict pidFile(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER);
    Path pidFile = ctx.workDir().resolve("pid-" + c.id());
    CallResult r = c.create(pidFile);
    if (!r.ok()) {
      throw new Unmet("precondition: create --pid-file failed: " + r.describe());
    }
    // The runtime writes this file: read a pid's worth, not whatever it wrote.
    String written =
        Files.exists(pidFile) ? CallResult.excerpt(HostProc.head(pidFile, 64)) : "<no file>";
    JsonNode s = c.state();
    String pid = s == null ? "<state failed>" : s.path("pid").asString("");
    return Verdict.expect(written.equals(pid), "pid file = state pid " + pid, written);
  }

  private static Verdict stateFields(Context ctx) throws Exception {
    Container c = ctx.createdSleeper();
    JsonNode s = c.state();
    boolean ok =
        s != null
            && s.path("ociVersion").isString()
            && !s.path("ociVersion").asString().isEmpty()
            && c.id().equals(s.path("id").asString(""))
            && s.path("status").isString()
            && s.path("pid").isIntegralNumber()
            && s.path("bundle").isString();
    return Verdict.expect(
        ok,
        "{ociVersion: string, id: \"" + c.id() + "\", status, pid: int, bundle: string}",
        String.valueOf(s));
  }

  private static Verdict pidPositive(Context ctx) throws Exception {
    Container c = ctx.createdSleeper();
    Verdict created = livePid(c, "created");
    return created.and(() -> livePid(c.startOk(), "running"));
  }

  private static Verdict livePid(Container c, String when) {
    JsonNode s = c.state();
    long pid = s == null ? -1 : s.path("pid").asLong(-1);
    return Verdict.expect(
        pid > 0 && Files.exists(Path.of("/proc/" + pid)),
        "pid > 0 of a live process while " + when,
        "pid " + pid + (s == null ? " (state failed)" : ""));
  }

  private static Verdict bundleAbsolute(Context ctx) throws Exception {
    Container c = ctx.createdSleeper();
    JsonNode s = c.state();
    String bundle = s == null ? "<state failed>" : s.path("bundle").asString("<none>");
    Path want = c.bundle().dir().toRealPath();
    boolean ok =
        bundle.startsWith("/")
            && Files.exists(Path.of(bundle))
            && Path.of(bundle).toRealPath().equals(want);
    return Verdict.expect(ok, want.toString(), bundle);
  }

  private static Verdict annotations(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).annotation("dev.ocikit.test", "value-1");
    c.createOk();
    JsonNode s = c.state();
    // A missing node prints as "": name the absence instead.
    String got =
        s == null
            ? "<state failed>"
            : s.has("annotations") ? s.path("annotations").toString() : "no annotations in " + s;
    boolean ok =
        s != null && "value-1".equals(s.path("annotations").path("dev.ocikit.test").asString(""));
    return Verdict.expect(ok, "annotations {\"dev.ocikit.test\":\"value-1\"}", got);
  }
}
