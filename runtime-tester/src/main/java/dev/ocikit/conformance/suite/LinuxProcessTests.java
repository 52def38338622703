package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import dev.ocikit.spec.runtime.LinuxPersonalityDomain;
import java.util.List;

/**
 * config-linux.md "Personality" and config.md {@code process.terminal} with a console socket (the
 * runc CLI convention that runtime-tools' command-line API also names), and the /dev/console
 * config-linux.md "Default Devices" asks for with a terminal.
 */
final class LinuxProcessTests {
  private LinuxProcessTests() {}

  static List<SpecTest> all() {
    return List.of(
        of(
                "linux.personality.linux32",
                "config-linux.md",
                "personality",
                Level.MUST,
                "with personality LINUX32 on x86_64, uname -m reports i686 inside the container",
                LinuxProcessTests::linux32)
            .since("1.0.2"),
        of(
            "process.terminal.console-socket",
            "config.md",
            "process",
            Level.MUST,
            "with terminal true and --console-socket, the runtime connects to the socket and the"
                + " process's stdio is a terminal",
            LinuxProcessTests::consoleSocket));
  }

  private static Verdict linux32(Context ctx) throws Exception {
    String arch = System.getProperty("os.arch");
    if (!arch.equals("amd64") && !arch.equals("x86_64")) {
      ctx.requireBaseline();
      return Verdict.skip("LINUX32 is judged on x86_64 (uname -m = i686); host is " + arch);
    }
    Container c = ctx.container();
    c.bundle().config().shell("uname -m > $MARK/arch.tmp && mv $MARK/arch.tmp $MARK/arch");
    c.bundle()
        .config()
        .generator()
        .linuxSettings()
        .personality(LinuxPersonalityDomain.LINUX32, List.of());
    c.createOk().startOk();
    String got = c.awaitMarker("arch") ? c.marker("arch").strip() : "<no report>";
    return Verdict.expect(got.equals("i686"), "uname -m = i686", "uname -m = " + got);
  }

  /**
   * One terminal container started through {@code --console-socket}, shared by the console tests.
   *
   * @param problem the failing step as a verdict, or null when the container ran
   * @param tty whether the process's stdin, stdout and stderr were a terminal
   * @param console {@code stat} of /dev/console and its mountinfo line, as the container saw them
   */
  private record ConsoleRun(Verdict problem, boolean tty, String console) {}

  private static ConsoleRun consoleRun(Context ctx) throws Exception {
    return ctx.observations().get("console", () -> startConsole(ctx));
  }

  private static ConsoleRun startConsole(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "{ stat -c '%F %t:%T' /dev/console; grep ' /dev/console ' /proc/self/mountinfo; }"
                + " > $MARK/console.tmp 2>&1; mv $MARK/console.tmp $MARK/console; "
                + "[ -t 0 ] && [ -t 1 ] && [ -t 2 ] && echo tty > $MARK/tty; "
                + Scripts.SLEEPER)
        .generator()
        .process()
        .terminal(true);
    try (ConsoleSocket socket = new ConsoleSocket(c.bundle().dir().resolve("console.sock"))) {
      CallResult r = socket.create(ctx, c);
      if (!r.ok()) {
        ctx.requireBaseline();
        return new ConsoleRun(
            Verdict.fail("create with --console-socket succeeds", r.describe()), false, "");
      }
      if (!socket.awaitConnection(5_000)) {
        return new ConsoleRun(
            Verdict.fail("the runtime connects to the console socket", "no connection"), false, "");
      }
      c.startOk();
      String console = c.awaitMarker("console") ? c.marker("console").strip() : "<no report>";
      return new ConsoleRun(null, c.awaitMarker("tty"), console);
    }
  }

  private static Verdict consoleSocket(Context ctx) throws Exception {
    ConsoleRun run = consoleRun(ctx);
    if (run.problem() != null) {
      return run.problem();
    }
    return Verdict.expect(
        run.tty(), "stdin, stdout and stderr of the process are a terminal", "no tty marker");
  }
}
