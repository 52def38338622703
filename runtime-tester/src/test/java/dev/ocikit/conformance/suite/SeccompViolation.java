package dev.ocikit.conformance.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One property of a container process that {@code scripted-process.py} (or, for capabilities and
 * oom_score_adj, the script and {@link ScriptedProcess}) gets wrong when the violation variable
 * names the test that checks it. The complying process gets each of them from the kernel: a real
 * seccomp filter, a real pty sent with SCM_RIGHTS, the real scheduler and I/O priority.
 *
 * @param testId the registered test whose judge must fail
 * @param family the judges that share the mechanism, each checked unchanged by this violation
 * @param evidence what the broken behaviour leaves in the verdict's "actual"
 * @param alsoFailing tests of the family that judge the same property and must fail too
 */
record SeccompViolation(String testId, Family family, String evidence, Set<String> alsoFailing) {
  /**
   * Judges whose configs use what a violation may break: each violation is checked against the
   * other judges of its family, which must not change.
   */
  enum Family {
    /** SCMP_ACT_ERRNO rules. */
    ERRNO,
    /** The other actions on mkdir. */
    ACTION,
    /** The kernel's log of a filter loaded with SECCOMP_FILTER_FLAG_LOG. */
    LOG_FLAG,
    /** SCMP_ACT_NOTIFY and listenerPath. */
    NOTIFY,
    /** The pty and the console socket. */
    CONSOLE,
    /** Warnings, scheduling, I/O priority, oom_score_adj. */
    PROCESS
  }

  /** Every violation, by test id. */
  static final Map<String, SeccompViolation> ALL = table();

  private static Map<String, SeccompViolation> table() {
    Family e = Family.ERRNO;
    Family a = Family.ACTION;
    Family c = Family.CONSOLE;
    Family p = Family.PROCESS;
    List<SeccompViolation> v =
        List.of(
            // errnoRet ignored: EPERM for every ERRNO rule, so the kill(2) rule's EACCES goes too
            new SeccompViolation(
                "seccomp.errno-ret", e, "Operation not permitted", Set.of("seccomp.args-filter")),
            // no errnoRet gives errno 0: the call "succeeds" without doing anything
            one("seccomp.errno-default", e, "exit 0"),
            // SCMP_ACT_KILL denies with EPERM instead of killing
            one("seccomp.kill", a, "exit 1"),
            // SCMP_ACT_KILL_PROCESS left out of the filter
            one("seccomp.kill-process", a, "exit 0"),
            // SCMP_ACT_TRAP left out of the filter
            one("seccomp.trap", a, "exit 0"),
            // SCMP_ACT_LOG denies the call
            one("seccomp.log", a, "exit 1"),
            // SECCOMP_FILTER_FLAG_LOG dropped: the denial leaves no kernel record
            one("seccomp.flags.log", Family.LOG_FLAG, "record: none"),
            // args ignored: every kill(2) denied
            one("seccomp.args-filter", e, "kill -CONT: exit 1"),
            // the process state is sent without the notify fd
            one("seccomp.notify.listener", Family.NOTIFY, "0 descriptors received"),
            // create succeeds though nothing listens at listenerPath
            one("seccomp.notify.listener-missing", Family.NOTIFY, "create succeeded"),
            // stderr is left at /dev/null, stdin and stdout are the pty
            one("process.terminal.console-socket", c, "no tty marker"),
            // the master of another pty is sent
            one("process.terminal.pty-io", c, "master output ''"),
            // /dev/console is /dev/null
            one("linux.default-devices.console", c, "/dev/console: 'character special file 1:3'"),
            // consoleSize without terminal still gets a pty
            one("process.console-size-without-terminal", c, "the process saw: tty"),
            // an unknown capability is dropped silently
            one("process.capability-unknown-warned", p, "nothing printed"),
            // SCHED_BATCH not applied, only nice
            one("process.scheduler.batch-nice", p, "policy=0 nice=5"),
            // ioPriority not applied
            one("process.io-priority.best-effort", p, "none: prio"),
            // oom_score_adj set though the config has none
            one("process.oom-score-adj-unset", p, ScriptedProcess.violatingOomScoreAdj() + " in"));
    Map<String, SeccompViolation> m = new LinkedHashMap<>();
    v.forEach(x -> m.put(x.testId(), x));
    return m;
  }

  private static SeccompViolation one(String id, Family family, String evidence) {
    return new SeccompViolation(id, family, evidence, Set.of());
  }

  @Override
  public String toString() {
    return testId;
  }
}
