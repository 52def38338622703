package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.ConsoleSize;
import java.util.List;
import java.util.Locale;

/**
 * config.md "Process" and runtime.md "Start": what a runtime does when {@code process} is missing
 * at start, with {@code consoleSize} but no terminal, without {@code oomScoreAdj}, and with a
 * capability it cannot map.
 */
final class ProcessFieldTests {
  static final String BOGUS_CAP = "CAP_OCIKIT_BOGUS";

  private ProcessFieldTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
            "lifecycle.start-without-process",
            "runtime.md",
            "start",
            Level.MUST,
            "start of a container whose config has no process fails and runs nothing",
            ProcessFieldTests::startWithoutProcess),
        of(
            "process.console-size-without-terminal",
            "config.md",
            "process",
            Level.MUST,
            "consoleSize with terminal false is ignored: the process runs, its stdio no terminal",
            ProcessFieldTests::consoleSize),
        of(
            "process.oom-score-adj-unset",
            "config.md",
            "linux-process",
            Level.MUST,
            "without oomScoreAdj the process keeps the oom_score_adj the runtime ran with",
            ProcessFieldTests::oomScoreAdjUnset),
        of(
                "process.capability-unknown-warned",
                "config.md",
                "linux-process",
                Level.MUST,
                "a capability the kernel lacks is reported (its name in the runtime's output)",
                ProcessFieldTests::unknownCapabilityWarned)
            // The warning sentence came with runtime-spec#1094, released in 1.1.0.
            .since("1.1.0"));
  }

  private static Verdict startWithoutProcess(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .json(
            o -> {
              o.remove("process");
              return o;
            });
    CallResult created = c.create();
    if (!created.ok()) {
      // process is OPTIONAL for create; a runtime refusing earlier leaves start unjudgeable (a
      // runtime that cannot create anything is reported as such, not skipped).
      ctx.requireBaseline();
      return Verdict.skip(
          "create refused a config without process, so start cannot be reached: "
              + created.describe());
    }
    CallResult started = c.start();
    return judgeStartWithoutProcess(started.ok(), started.describe(), c.status());
  }

  /**
   * Start without a process must fail, and the container must not be running afterwards.
   *
   * @param startOk whether start exited 0
   * @param start what start did, for the message
   * @param statusAfter the state's status after start
   */
  static Verdict judgeStartWithoutProcess(boolean startOk, String start, String statusAfter) {
    return Verdict.expect(
        !startOk && !"running".equals(statusAfter),
        "start fails and the container is not running",
        "start " + (startOk ? "succeeded" : "failed") + " (" + start + "), then " + statusAfter);
  }

  private static Verdict consoleSize(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "if [ -t 0 ] || [ -t 1 ] || [ -t 2 ]; then echo tty; else echo none; fi"
                + " > $MARK/console; "
                + Scripts.QUICK)
        .edit(
            cfg ->
                cfg.withProcess(
                    cfg.process()
                        .withTerminal(false)
                        .withConsoleSize(ConsoleSize.builder().height(40L).width(100L).build())));
    CallResult r = c.create();
    if (!r.ok()) {
      ctx.requireBaseline();
      return judgeConsole(false, r.describe(), "");
    }
    CallResult s = c.start();
    if (!s.ok()) {
      return judgeConsole(false, s.describe(), "");
    }
    c.awaitMarker("ran");
    return judgeConsole(true, "", c.marker("console").strip());
  }

  /**
   * Ignoring consoleSize means create and start work as without it and no terminal appears.
   *
   * @param ran whether create and start succeeded
   * @param failure what failed, when not
   * @param stdio what the process wrote: {@code none} when no standard stream was a terminal
   */
  static Verdict judgeConsole(boolean ran, String failure, String stdio) {
    if (!ran) {
      return Verdict.fail("create and start succeed", failure);
    }
    return Verdict.expect(
        "none".equals(stdio),
        "no standard stream is a terminal",
        stdio.isEmpty() ? "the process wrote nothing" : "the process saw: " + stdio);
  }

  private static Verdict oomScoreAdjUnset(Context ctx) throws Exception {
    // The hook run's container sets no oomScoreAdj; judging it costs no container of its own.
    HookRun r = HookTests.run(ctx);
    // The runtime is the harness's child and inherits its value (a host adaptation's unshare too).
    String runtime = HostProc.read("/proc/self/oom_score_adj").strip();
    return Verdict.expect(
        runtime.equals(r.oomScoreAdj()),
        "oom_score_adj " + runtime + " (the runtime's)",
        r.oomScoreAdj() + " in the container process's /proc/PID/oom_score_adj");
  }

  private static Verdict unknownCapabilityWarned(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell(Scripts.QUICK).capabilities("CAP_KILL", BOGUS_CAP);
    CallResult r = c.create();
    String output = r.stdout() + r.stderr();
    if (r.ok()) {
      CallResult s = c.start();
      output += s.stdout() + s.stderr();
    } else {
      ctx.requireBaseline();
    }
    return judgeCapabilityWarning(output);
  }

  /**
   * The runtime must report the capability it cannot map; the spec names no channel, so its name
   * anywhere in what create and start printed counts (an error naming it reports it too; whether
   * failing is allowed is config.capability-unknown-accepted's question).
   */
  static Verdict judgeCapabilityWarning(String output) {
    boolean named = output.toUpperCase(Locale.ROOT).contains(BOGUS_CAP.substring(4));
    return Verdict.expect(
        named,
        "create or start prints a warning naming " + BOGUS_CAP,
        output.isBlank() ? "nothing printed" : CallResult.excerpt(output));
  }
}
