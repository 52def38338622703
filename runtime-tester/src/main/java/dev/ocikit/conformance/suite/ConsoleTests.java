package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.conformance.driver.CallResult;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * config.md {@code process.terminal}: what flows through the pty the runtime allocates. The harness
 * gets the pty master over {@code --console-socket} ({@link ConsoleSocket}), reads what the
 * container writes to its terminal and types a line the container's shell must read; and
 * config-linux.md "Default Devices": {@code /dev/console} is that pty.
 */
final class ConsoleTests {
  private static final long WAIT_MS = 5_000;
  private static final String OUT = "ocikit-tty-out";
  private static final String IN = "ocikit-tty-in";

  private ConsoleTests() {}

  static java.util.List<SpecTest> all() {
    return java.util.List.of(
        of(
            "process.terminal.pty-io",
            "config.md",
            "process",
            Level.MUST,
            "with terminal true, what the process prints arrives on the pty master sent to the"
                + " console socket, and a line written to the master is what the process reads",
            ConsoleTests::ptyIo),
        of(
            "linux.default-devices.console",
            "config-linux.md",
            "default-devices",
            Level.MUST,
            "with terminal true, /dev/console is the process's pty (same device as its stdin)",
            ConsoleTests::consoleDevice));
  }

  /** Creates {@code c} with a console socket and starts it; null and a reason when that fails. */
  private static FileDescriptor startWithTerminal(
      Context ctx, Container c, ConsoleSocket socket, StringBuilder why) throws IOException {
    c.bundle().config().generator().process().terminal(true);
    CallResult r = socket.create(ctx, c);
    if (!r.ok()) {
      ctx.requireBaseline();
      why.append("create with --console-socket failed: ").append(r.describe());
      return null;
    }
    FileDescriptor master = socket.awaitMaster(WAIT_MS, why);
    if (master != null) {
      c.startOk();
    }
    return master;
  }

  private static Verdict ptyIo(Context ctx) throws Exception {
    Container c = ctx.container();
    c.bundle()
        .config()
        .shell(
            "echo "
                + OUT
                + "; read line; echo \"$line\" > $MARK/in.tmp && mv $MARK/in.tmp $MARK/in; "
                + Scripts.SLEEPER);
    try (ConsoleSocket socket = new ConsoleSocket(c.bundle().dir().resolve("console.sock"))) {
      StringBuilder why = new StringBuilder();
      FileDescriptor master = startWithTerminal(ctx, c, socket, why);
      if (master == null) {
        return Verdict.fail(
            "the runtime sends one pty master to the console socket", why.toString());
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Thread reader = new Thread(() -> drain(master, out), "ocikit-pty-reader");
      reader.setDaemon(true);
      reader.start();
      boolean printed = Context.await(() -> text(out).contains(OUT), Duration.ofMillis(WAIT_MS));
      // Not closed here: the stream would close the master, which the socket owns.
      new FileOutputStream(master).write((IN + "\n").getBytes(StandardCharsets.UTF_8));
      String read = c.awaitMarker("in") ? c.marker("in").strip() : "<nothing read>";
      // Hang the slave side up first, so the reader's read ends before the master is closed.
      c.kill("KILL");
      return Verdict.expect(
          printed && read.equals(IN),
          "'" + OUT + "' on the master, and the process reads '" + IN + "'",
          "master output '"
              + abbreviate(text(out))
              + "'; the process read '"
              + read
              + "'; status "
              + c.status());
    }
  }

  private static Verdict consoleDevice(Context ctx) throws Exception {
    Container c = ctx.container();
    // busybox stat: %F file type, %t:%T the device's major:minor in hex.
    c.bundle()
        .config()
        .shell(
            "stat -L -c '%F %t:%T' /dev/console > $MARK/console; stat -L -c '%F %t:%T'"
                + " /proc/self/fd/0 > $MARK/stdin.tmp && mv $MARK/stdin.tmp $MARK/stdin; "
                + Scripts.SLEEPER);
    try (ConsoleSocket socket = new ConsoleSocket(c.bundle().dir().resolve("console.sock"))) {
      StringBuilder why = new StringBuilder();
      if (startWithTerminal(ctx, c, socket, why) == null) {
        return Verdict.fail(
            "the runtime sends one pty master to the console socket", why.toString());
      }
      String stdin = c.awaitMarker("stdin") ? c.marker("stdin").strip() : "<no report>";
      String console = c.marker("console").strip();
      c.kill("KILL");
      return Verdict.expect(
          stdin.startsWith("character special file") && console.equals(stdin),
          "/dev/console is the character device of stdin (the pty)",
          "/dev/console: '" + console + "', stdin: '" + stdin + "'");
    }
  }

  private static void drain(FileDescriptor master, ByteArrayOutputStream out) {
    byte[] buf = new byte[1024];
    // Not closed: the master belongs to the console socket, which closes it.
    FileInputStream in = new FileInputStream(master);
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        synchronized (out) {
          out.write(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // EIO once the container's side of the pty is gone: the normal end.
    }
  }

  private static String text(ByteArrayOutputStream out) {
    synchronized (out) {
      return out.toString(StandardCharsets.UTF_8);
    }
  }

  private static String abbreviate(String s) {
    String one = s.replace("\r", "\\r").replace("\n", "\\n");
    return one.length() <= 200 ? one : one.substring(0, 200) + "…";
  }
}
