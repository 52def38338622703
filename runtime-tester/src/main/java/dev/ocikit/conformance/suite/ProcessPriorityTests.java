package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.IOPriority;
import dev.ocikit.spec.runtime.IOPriorityClass;
import dev.ocikit.spec.runtime.Scheduler;
import dev.ocikit.spec.runtime.SchedulerPolicy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * config.md "Linux Process" {@code scheduler} and {@code ioPriority}. A runtime may refuse a value
 * it does not support (config.md#valid-values: it MUST then generate an error), which is a skip
 * here; applying nothing and running the process anyway is a failure.
 */
final class ProcessPriorityTests {
  /** sched_setattr(2) policy numbers, as /proc/PID/stat field 41 shows them. */
  private static final Map<String, Integer> POLICY_NUMBERS =
      Map.of(
          "SCHED_OTHER", 0,
          "SCHED_FIFO", 1,
          "SCHED_RR", 2,
          "SCHED_BATCH", 3,
          "SCHED_ISO", 4,
          "SCHED_IDLE", 5,
          "SCHED_DEADLINE", 6);

  /** The class names util-linux {@code ionice -p} prints. */
  private static final Map<String, String> IONICE_NAMES =
      Map.of(
          "IOPRIO_CLASS_RT", "realtime",
          "IOPRIO_CLASS_BE", "best-effort",
          "IOPRIO_CLASS_IDLE", "idle");

  private ProcessPriorityTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "process.scheduler.batch-nice",
                "config.md",
                "linux-process",
                Level.MUST,
                "with scheduler SCHED_BATCH and nice 5, the container process has policy 3 and nice 5"
                    + " in /proc/self/stat (or the runtime refuses the config with an error)",
                ProcessPriorityTests::scheduler)
            .since("1.1.0"),
        of(
                "process.io-priority.best-effort",
                "config.md",
                "linux-process",
                Level.MUST,
                "with ioPriority IOPRIO_CLASS_BE priority 6, ionice -p on the container pid reports"
                    + " best-effort: prio 6 (or the runtime refuses the config with an error)",
                ProcessPriorityTests::ioPriority)
            .since("1.1.0"));
  }

  private static Verdict scheduler(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "cat /proc/$$/stat > $MARK/stat.tmp && mv $MARK/stat.tmp $MARK/stat; "
                + Scripts.SLEEPER)
        .generator()
        .process()
        .scheduler(SchedulerPolicy.SCHED_BATCH, 5, null);
    Verdict refused = runOrRefused(ctx, c, "process.scheduler");
    if (refused != null) {
      return refused;
    }
    if (!c.awaitMarker("stat")) {
      return Verdict.fail("the process runs and reports /proc/self/stat", "status " + c.status());
    }
    Scheduler want = c.intended().process().scheduler();
    int wantPolicy = POLICY_NUMBERS.get(want.policy().value());
    int wantNice = want.nice() == null ? 0 : want.nice();
    List<String> fields = statFields(c.marker("stat"));
    if (fields.size() < 41) {
      return Verdict.fail("/proc/self/stat with 41 fields", c.marker("stat"));
    }
    String nice = fields.get(19 - 1);
    String policy = fields.get(41 - 1);
    return Verdict.expect(
        policy.equals(Integer.toString(wantPolicy)) && nice.equals(Integer.toString(wantNice)),
        "config process.scheduler "
            + want.policy().value()
            + " nice "
            + wantNice
            + ": stat policy="
            + wantPolicy
            + " nice="
            + wantNice,
        "inside /proc/self/stat policy=" + policy + " nice=" + nice);
  }

  private static Verdict ioPriority(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(Scripts.SLEEPER)
        .generator()
        .process()
        .ioPriority(IOPriorityClass.IOPRIO_CLASS_BE, 6);
    Verdict refused = runOrRefused(ctx, c, "process.ioPriority");
    if (refused != null) {
      return refused;
    }
    if (!c.awaitMarker("ran")) {
      return Verdict.fail("the process runs", "no ran marker; status " + c.status());
    }
    IOPriority want = c.intended().process().ioPriority();
    String expected = IONICE_NAMES.get(want.ioClass().value()) + ": prio " + want.priority();
    long pid = HostProc.pidOf(c);
    String got = ionice(pid);
    return Verdict.expect(
        got.equals(expected),
        "config process.ioPriority "
            + want.ioClass().value()
            + "/"
            + want.priority()
            + ": ionice -p "
            + pid
            + " prints \""
            + expected
            + "\"",
        "ionice -p " + pid + " prints \"" + got + "\"");
  }

  /**
   * Creates and starts {@code c}. Returns a skip when the runtime refuses with an error (allowed
   * for a value it does not support) while a plain bundle works, or null when the process runs.
   */
  private static Verdict runOrRefused(Context ctx, Container c, String property) throws Exception {
    CallResult r = c.create();
    if (r.ok()) {
      r = c.start();
    }
    if (r.ok()) {
      return null;
    }
    ctx.requireBaseline();
    return Verdict.skip(
        "the runtime refused "
            + property
            + " with an error, as config.md#valid-values requires"
            + " for an unsupported value, so whether it applies it is not judged: "
            + r.describe());
  }

  /** The fields of a /proc/PID/stat line, field 1 at index 0; comm may hold spaces. */
  static List<String> statFields(String stat) {
    int open = stat.indexOf('(');
    int close = stat.lastIndexOf(')');
    if (open < 0 || close < open) {
      return List.of();
    }
    List<String> fields = new java.util.ArrayList<>();
    fields.add(stat.substring(0, open).strip());
    fields.add(stat.substring(open + 1, close));
    for (String f : stat.substring(close + 1).strip().split("\\s+")) {
      fields.add(f);
    }
    return fields;
  }

  /** util-linux ionice on the host: the syscall ioprio_get has no JDK binding. */
  private static String ionice(long pid) throws Exception {
    Process p =
        new ProcessBuilder("ionice", "-p", Long.toString(pid)).redirectErrorStream(true).start();
    if (!p.waitFor(5, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "<ionice timed out>";
    }
    return new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
        .strip();
  }
}
