package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.generate.SeccompSettings;
import dev.ocikit.spec.runtime.SeccompAction;
import dev.ocikit.spec.runtime.SeccompOperator;
import java.nio.file.Files;
import java.util.List;

/**
 * config-linux.md "Seccomp" actions other than SCMP_ACT_ERRNO, and argument conditions. A rule on
 * {@code mkdir}/{@code mkdirat} is hit by a child shell ({@code sh -c mkdir …}) so that the outer
 * shell survives to report the child's exit status: 128 + SIGSYS (31) when the kernel killed it.
 */
final class SeccompActionTests {
  private static final String DOC = "config-linux.md";
  private static final String SIGSYS_STATUS = "159";

  private SeccompActionTests() {}

  static List<SpecTest> all() {
    return List.of(
        killed("seccomp.kill", SeccompAction.SCMP_ACT_KILL),
        killed("seccomp.kill-process", SeccompAction.SCMP_ACT_KILL_PROCESS).since("1.1.0"),
        killed("seccomp.trap", SeccompAction.SCMP_ACT_TRAP),
        of(
                "seccomp.log",
                DOC,
                "seccomp",
                Level.MUST,
                "a syscall matched by an SCMP_ACT_LOG rule still runs (it is only logged)",
                ctx -> {
                  Container c = mkdirWith(ctx, SeccompAction.SCMP_ACT_LOG);
                  String rc = status(c);
                  boolean made = Files.isDirectory(c.bundle().rootfs().resolve("ocikit-denied"));
                  return Verdict.expect(
                      "0".equals(rc) && made,
                      "mkdir exits 0 and the directory exists",
                      "exit " + rc + ", directory on host: " + made);
                })
            .since("1.0.2"),
        of(
                "seccomp.args-filter",
                DOC,
                "seccomp",
                Level.MUST,
                "a rule with args applies only when the argument matches: kill(pid, 0) denied, kill(pid,"
                    + " SIGCONT) allowed",
                SeccompActionTests::argsFilter)
            .since("1.1.0"));
  }

  private static SpecTest killed(String id, SeccompAction action) {
    return of(
        id,
        DOC,
        "seccomp",
        Level.MUST,
        "a process calling a syscall matched by " + action.value() + " dies with SIGSYS",
        ctx -> {
          Container c = mkdirWith(ctx, action);
          String rc = status(c);
          boolean absent = !Files.exists(c.bundle().rootfs().resolve("ocikit-denied"));
          return Verdict.expect(
              SIGSYS_STATUS.equals(rc) && absent,
              "the mkdir child is killed by SIGSYS (status " + SIGSYS_STATUS + "), nothing made",
              "exit " + rc + ", directory absent on host: " + absent);
        });
  }

  private static Container mkdirWith(Context ctx, SeccompAction action) throws Exception {
    Container c = ctx.container();
    c.bundle().config().shell("sh -c 'mkdir /ocikit-denied'; echo $? > $MARK/rc");
    native64(c).rule(action, "mkdir", "mkdirat");
    c.createOk().startOk();
    return c;
  }

  private static SeccompSettings native64(Container c) {
    return c.bundle()
        .config()
        .generator()
        .seccomp()
        .defaultAction(SeccompAction.SCMP_ACT_ALLOW)
        .architectures(SeccompSettings.nativeArchitectures("x86_64"));
  }

  private static String status(Container c) {
    return c.awaitMarker("rc") ? c.marker("rc").strip() : "<no report; " + c.status() + ">";
  }

  private static Verdict argsFilter(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "kill -0 $$ 2> $MARK/zero.err; echo $? > $MARK/zero.rc;"
                + " kill -CONT $$; echo $? > $MARK/rc");
    // kill(2): argument 1 is the signal; only signal 0 is denied, with EACCES.
    native64(c)
        .rule(
            SeccompAction.SCMP_ACT_ERRNO,
            13L,
            List.of(SeccompSettings.arg(1, SeccompOperator.SCMP_CMP_EQ, 0, null)),
            "kill");
    c.createOk().startOk();
    String cont = status(c);
    String zero = c.marker("zero.rc").strip();
    String err = c.marker("zero.err").strip();
    return Verdict.expect(
        !"0".equals(zero) && err.contains("Permission denied") && "0".equals(cont),
        "kill -0 fails with EACCES, kill -CONT succeeds",
        "kill -0: exit " + zero + " '" + err + "'; kill -CONT: exit " + cont);
  }
}
