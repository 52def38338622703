package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.generate.HookKind;
import java.time.Duration;
import java.util.List;

/**
 * runtime.md "Lifecycle": what a failing hook must do. Create-time hooks and startContainer abort
 * with an error; poststart (since v1.3.0, runtime-spec#1262) errors and stops the container;
 * poststop only warns and the remaining hooks still run.
 */
final class HookFailureTests {
  private static final Duration HOOK_SLEEP = Duration.ofSeconds(60);
  private static final Duration ABORT_WITHIN = Duration.ofSeconds(25);

  private static final String DOC = "runtime.md";
  private static final List<String> FAIL = List.of("sh", "-c", "cat > /dev/null; exit 1");

  private HookFailureTests() {}

  static List<SpecTest> all() {
    return List.of(
        createTimeFailure("prestart"),
        createTimeFailure("createRuntime").since("1.0.2"),
        createTimeFailure("createContainer").since("1.0.2"),
        of(
                "hooks.startContainer-failure-errors",
                DOC,
                "lifecycle",
                Level.MUST,
                "a failing startContainer hook makes start fail and the process never runs",
                HookFailureTests::startContainerFailure)
            .since("1.0.2"),
        of(
                "hooks.poststart-failure-errors",
                DOC,
                "lifecycle",
                Level.MUST,
                "a failing poststart hook generates an error and the container is stopped",
                HookFailureTests::poststartFailure)
            .since("1.3.0"),
        of(
            "hooks.poststop-failure-warns",
            DOC,
            "lifecycle",
            Level.MUST,
            "a failing poststop hook does not fail delete and later poststop hooks still run",
            HookFailureTests::poststopFailure),
        of(
                "hooks.timeout-aborts",
                "config.md",
                "posix-platform-hooks",
                Level.MUST,
                "a createRuntime hook running past its timeout is aborted and create fails",
                HookFailureTests::timeout)
            .since("1.0.2"));
  }

  private static SpecTest createTimeFailure(String phase) {
    return of(
        "hooks." + phase + "-failure-errors",
        DOC,
        "lifecycle",
        Level.MUST,
        "a failing " + phase + " hook makes create fail, leaves no container and no process run",
        ctx -> {
          Container c = ctx.container();
          c.bundle().config().shell(Scripts.QUICK).hook(phase, "/bin/busybox", FAIL, List.of());
          CallResult r = c.create();
          if (!r.ok()) {
            ctx.requireBaseline();
          }
          return OperationErrorTests.mustFail(r)
              .and(() -> notRunning(c))
              .and(() -> OperationErrorTests.noContainer(ctx, c.id()));
        });
  }

  /**
   * config.md: timeout "is the number of seconds before aborting the hook"; an aborted hook has
   * failed, and a failed createRuntime hook MUST make create fail (runtime.md lifecycle step 4).
   * The hook execs sleep so that killing it leaves no orphan. The hook sleeps {@code HOOK_SLEEP};
   * create may take up to {@code ABORT_WITHIN} (longer than the default call timeout): a runtime
   * that fails its create well before the sleep would end has aborted the hook, however slowly it
   * starts and tears down a sandbox on a loaded host (runsc took over 10 s there once).
   */
  private static Verdict timeout(Context ctx) throws Exception {
    Container c = ctx.container();
    List<String> slow =
        List.of("sh", "-c", "cat > /dev/null; exec sleep " + HOOK_SLEEP.toSeconds());
    c.bundle().config().shell(Scripts.QUICK).hook("createRuntime", "/bin/busybox", slow, List.of());
    c.bundle().config().generator().hooks().timeout(HookKind.CREATE_RUNTIME, 1);
    CallResult r = c.createAllowing(ABORT_WITHIN);
    if (!r.ok()) {
      ctx.requireBaseline();
    }
    return OperationErrorTests.mustFail(r)
        .and(
            () ->
                Verdict.expect(
                    r.millis() < ABORT_WITHIN.toMillis(),
                    "create gives up within "
                        + ABORT_WITHIN.toSeconds()
                        + " s (the hook would sleep "
                        + HOOK_SLEEP.toSeconds()
                        + " s)",
                    r.millis() + " ms"))
        .and(() -> notRunning(c))
        .and(() -> OperationErrorTests.noContainer(ctx, c.id()));
  }

  /** After a hook failure the user process must not have run and must not be running. */
  private static Verdict notRunning(Container c) {
    String status = c.status();
    return Verdict.expect(
        !c.hasMarker("ran") && !"running".equals(status),
        "process never ran",
        "marker " + c.hasMarker("ran") + ", status " + status);
  }

  private static Verdict startContainerFailure(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(Scripts.QUICK)
        .hook("startContainer", "/bin/busybox", FAIL, List.of());
    c.createOk();
    CallResult r = c.start();
    return OperationErrorTests.mustFail(r).and(() -> notRunning(c));
  }

  private static Verdict poststartFailure(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.SLEEPER).hook("poststart", "/bin/busybox", FAIL, List.of());
    CallResult create = c.create();
    if (!create.ok()) {
      ctx.requireBaseline();
    }
    CallResult start = create.ok() ? c.start() : null;
    boolean errored = create.refused() || (start != null && start.refused());
    // A container that no longer exists is stopped too; do not wait for a status it cannot get.
    String status = c.state() == null ? "<deleted>" : c.awaitStatus("stopped");
    boolean stopped = !"running".equals(status) && !"created".equals(status);
    return Verdict.expect(
        errored && stopped,
        "an error from create or start, container stopped",
        "create: "
            + create.describe()
            + (start == null ? "" : ", start: " + start.describe())
            + ", status "
            + status);
  }

  private static Verdict poststopFailure(Context ctx) throws Exception {
    Container c = ctx.container();
    String log = c.bundle().shared().toString();
    c.bundle()
        .config()
        .shell(Scripts.QUICK)
        .hook("poststop", "/bin/busybox", FAIL, List.of())
        .hook(
            "poststop",
            "/bin/busybox",
            List.of("sh", "-c", Scripts.hook(log, "second")),
            List.of());
    c.createOk().startOk();
    c.awaitStatus("stopped");
    CallResult del = c.delete();
    return Verdict.expect(del.ok(), "delete succeeds (warning only)", del.describe())
        .and(
            () ->
                Verdict.expect(
                    c.marker("hooks.log").contains("second"),
                    "the second poststop hook ran",
                    "hooks.log: " + c.marker("hooks.log").strip()))
        .and(() -> Verdict.expect(c.state() == null, "container gone", "state still works"));
  }
}
