package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/**
 * Runs a launcher entry point ({@code OciValidate}, {@code OciTool}) in a JVM of its own, as users
 * start it (or a command in this JVM, {@link #inProcess}): with JVM options such as a small {@code
 * -Xmx}, standard output to a file of the test's choosing, and optionally as the unprivileged user
 * {@code nobody} (through setpriv(1)), which gets a copy of the class path it can read, and
 * optionally under a given umask (through sh(1)).
 */
final class ToolProcess {
  /** Exit code and what went to each stream. */
  record Result(int exit, String out, String err) {}

  private final Path tmp;
  private final List<String> jvm = new ArrayList<>();
  private boolean nobody;
  private Path stdout;
  private String umask;

  ToolProcess(Path tmp) {
    this.tmp = tmp;
  }

  /** Adds JVM options. */
  ToolProcess jvm(String... options) {
    jvm.addAll(List.of(options));
    return this;
  }

  /** Runs as nobody:nogroup with no supplementary groups. */
  ToolProcess asNobody() {
    nobody = true;
    return this;
  }

  /** Starts the JVM under {@code umask} (octal, e.g. "022"), set by sh(1) before it execs java. */
  ToolProcess umask(String octal) {
    umask = octal;
    return this;
  }

  /** Sends standard output to {@code file} instead of a file of the helper's. */
  ToolProcess stdout(Path file) {
    stdout = file;
    return this;
  }

  /** Runs {@code command} in this JVM through the launchers' picocli setup, output captured. */
  static Result inProcess(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Result(exit, out.toString(), err.toString());
  }

  /** Whether this machine can run a test as nobody: root and setpriv. */
  static boolean canRunAsNobody() {
    return "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/setpriv"));
  }

  Result run(String main, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (nobody) {
      cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", "--"));
    }
    if (umask != null) {
      cmd.addAll(List.of("sh", "-c", "umask \"$0\" && exec \"$@\"", umask));
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(nobody ? readableClassPath() : System.getProperty("java.class.path"));
    cmd.add("dev.ocikit.cli." + main);
    cmd.addAll(List.of(args));
    Path out = stdout != null ? stdout : Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    assertTrue(p.waitFor(300, TimeUnit.SECONDS), "still running: " + String.join(" ", cmd));
    return new Result(
        p.exitValue(),
        stdout != null ? "" : Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The class path copied where nobody can read it (the local Maven repository is root's). */
  private String readableClassPath() throws IOException {
    Path dir = tmp.resolve("classpath");
    Files.createDirectories(dir);
    openToAll(tmp);
    openToAll(dir);
    List<String> entries = new ArrayList<>();
    int i = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path src = Path.of(e);
      if (Files.isRegularFile(src)) {
        Path copy = dir.resolve(i++ + "-" + src.getFileName());
        Files.copy(src, copy, StandardCopyOption.REPLACE_EXISTING);
        openToAll(copy);
        entries.add(copy.toString());
      } else {
        entries.add(e); // target/classes directories of the checkout, readable by all
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  /** Lets every user read {@code p} (and enter it, for a directory). */
  static void openToAll(Path p) throws IOException {
    Files.setPosixFilePermissions(
        p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
  }
}
