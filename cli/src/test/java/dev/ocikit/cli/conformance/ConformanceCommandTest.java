package dev.ocikit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.conformance.ConformanceRunner;
import dev.ocikit.spec.testing.SpecialFiles;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code oci-tool conformance} through {@link CommandLine#execute}, with captured writers. */
class ConformanceCommandTest {
  private static final Path RUNC = Path.of("/usr/sbin/runc");

  /** Exit code plus what went to each writer. */
  record Run(int code, String out, String err) {}

  static Run run(ConformanceCommand cmd, String... args) {
    CommandLine cl = new CommandLine(cmd);
    // Same handler as dev.ocikit.cli.Cli (package-private there): one line, exit 2.
    cl.setParameterExceptionHandler(
        (ex, a) -> {
          ex.getCommandLine().getErr().println("conformance: " + ex.getMessage());
          return 2;
        });
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(String... args) {
    return run(new ConformanceCommand(), args);
  }

  static void assumeRunc() {
    assumeTrue(
        RootCheck.effectiveUid() == 0
            && Files.isExecutable(RUNC)
            && Files.isExecutable(Path.of("/bin/busybox")),
        "needs root, runc at " + RUNC + " and /bin/busybox");
  }

  @Test
  void usageErrorsExitTwoWithOneLine() {
    for (String[] args :
        List.of(
            new String[] {},
            new String[] {"--runtime", "runc", "--format", "yaml"},
            new String[] {"--runtime", "no-such-runtime-ocikit"},
            new String[] {"--runtime", "/nonexistent/runc"},
            new String[] {"--runtime", "runc", "--only", "(unclosed"},
            new String[] {"--runtime", "runc", "--jobs", "0"},
            new String[] {"--runtime", "runc", "--jobs", "many"},
            new String[] {"--runtime", "runc", "--expect-fail", "/nonexistent/x.txt"},
            new String[] {"--runtime", "runc", "--oci-version", "2.0.0"},
            new String[] {"--runtime", "runc", "--oci-version", "0.1"},
            new String[] {"--runtime", "gvisor="},
            new String[] {"--runtime", "gvisor=runsc 'unclosed"},
            new String[] {"--runtime", "gvisor=/nonexistent/runsc --platform=ptrace"},
            // A runtime argument before two runtimes belongs to neither.
            new String[] {"--runtime-arg=--debug", "--runtime", "runc", "--runtime", "runc"})) {
      ConformanceCommand cmd = new ConformanceCommand();
      cmd.pathVariable = "/usr/sbin:/usr/bin:/sbin:/bin";
      Run r = run(cmd, args);
      assertEquals(2, r.code(), List.of(args) + ": " + r.err());
      assertEquals(1, r.err().lines().count(), List.of(args) + ": " + r.err());
      assertTrue(r.err().startsWith("conformance: "), r.err());
      assertEquals("", r.out());
    }
  }

  @Test
  void anExpectFailFileThatIsNoRegularFileIsRefusedNotAwaited(@TempDir Path tmp) throws Exception {
    assumeTrue(Files.isExecutable(RUNC), "needs runc to get past runtime resolution");
    Path fifo = SpecialFiles.fifo(tmp, "expected.txt");
    for (Path p : List.of(fifo, SpecialFiles.DEV_ZERO, SpecialFiles.link(tmp, "link", fifo))) {
      ConformanceCommand cmd = new ConformanceCommand();
      cmd.euid = () -> 0;
      Run r =
          SpecialFiles.withoutHanging(
              fifo, () -> run(cmd, "--runtime", RUNC.toString(), "--expect-fail", p.toString()));
      assertEquals(2, r.code(), r.err());
      assertEquals(
          "conformance: --expect-fail: cannot read "
              + p
              + ": is "
              + (p.equals(SpecialFiles.DEV_ZERO) ? "a character device" : "a FIFO (named pipe)")
              + ", not a regular file",
          r.err().strip());
    }
  }

  @Test
  void refusesToRunAsNonRoot() {
    assumeTrue(Files.isExecutable(RUNC), "needs runc to get past runtime resolution");
    ConformanceCommand cmd = new ConformanceCommand();
    cmd.euid = () -> 1000;
    Run r = run(cmd, "--runtime", RUNC.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("must run as root"), r.err());
  }

  @Test
  void resolvesNamesOnPath() {
    assumeTrue(Files.isExecutable(RUNC));
    assertEquals(RUNC, RuntimePaths.resolve("runc", "/nonexistent::/usr/sbin").orElseThrow());
    assertTrue(RuntimePaths.resolve("runc", "/nonexistent").isEmpty());
    assertTrue(RuntimePaths.resolve("", "/usr/sbin").isEmpty());
  }

  @Test
  void findsTheCheckoutsExpectedFailuresForRunc115() throws Exception {
    assumeTrue(Files.isExecutable(RUNC));
    String line = ConformanceRunner.versionLine(RUNC, Duration.ofSeconds(10), 4096);
    assumeTrue(DefaultExpectedFailures.version(line).orElse("").equals("1.1.5"), "runc 1.1.5");
    Path f = DefaultExpectedFailures.find(RUNC, line).orElseThrow();
    assertTrue(f.endsWith("runtime-tester/expected-failures/runc-1.1.5.txt"), f.toString());
    Path rootless = DefaultExpectedFailures.find(RUNC, line, true).orElseThrow();
    assertTrue(
        rootless.endsWith("runtime-tester/expected-failures/runc-1.1.5-rootless.txt"),
        rootless.toString());
  }

  @Test
  void aRootlessUserThatIsNoUserNameOrIsRootIsAUsageError() {
    assumeTrue(Files.isExecutable(RUNC), "needs runc to get past runtime resolution");
    for (String user : List.of("Bad User", "root")) {
      ConformanceCommand cmd = new ConformanceCommand();
      cmd.euid = () -> 0;
      Run r = run(cmd, "--runtime", RUNC.toString(), "--rootless", user);
      assertEquals(2, r.code(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("conformance: --rootless: "), r.err());
    }
  }

  @Test
  void lifecycleSubsetAgainstRuncPassesWithJsonOnStdout() {
    assumeRunc();
    Run r =
        run(
            "--runtime",
            "runc",
            "--only",
            "^lifecycle\\.(create-status-created|start-status-running|exit-status-stopped)",
            "--format",
            "json");
    assertEquals(0, r.code(), r.err());
    JsonNode json = JsonMapper.builder().build().readTree(r.out());
    assertTrue(json.toString().contains("lifecycle.create-status-created"), r.out());
    assertTrue(r.err().contains("runc: "), r.err());
    assertTrue(r.err().contains(" checks in "), r.err());
  }

  @Test
  void rootlessLifecycleSubsetRunsRuncAsTheUser() throws Exception {
    assumeRunc();
    String line = ConformanceRunner.versionLine(RUNC, Duration.ofSeconds(10), 4096);
    assumeTrue(
        DefaultExpectedFailures.find(RUNC, line, true).isPresent()
            && new ProcessBuilder("id", "ocikit-rootless").start().waitFor() == 0,
        "needs user ocikit-rootless (scripts/install-test-deps.sh) and runc 1.1.5");
    Run r =
        run(
            "--runtime",
            "runc",
            "--rootless",
            "ocikit-rootless",
            "--only",
            "^lifecycle\\.(create-status-created|start-status-running|exit-status-stopped)$",
            "--format",
            "json");
    assertEquals(0, r.code(), r.err());
    JsonNode rt = JsonMapper.builder().build().readTree(r.out()).path("runtimes").get(0);
    assertTrue(rt.path("command").toString().contains("\"--rootless\",\"true\""), rt.toString());
    assertTrue(
        rt.path("adaptations").get(0).asString().startsWith("rootless: every runtime call runs as"),
        rt.toString());
    assertTrue(rt.path("wallMillis").asLong() > 0, rt.toString());
    assertTrue(r.err().contains("runc: 3 pass, 0 fail, 0 xfail, 0 xpass, 0 skip in "), r.err());
  }

  @Test
  void namedRuntimeWithGlobalOptionsReachesEveryCallAndTheReport(@TempDir Path tmp) {
    assumeRunc();
    Path log = tmp.resolve("runc.log");
    Run r =
        run(
            "--runtime",
            "mine=runc --log-format json",
            "--runtime-arg=--log",
            "--runtime-arg",
            log.toString(),
            "--only",
            "^lifecycle\\.start-twice$",
            "--oci-version",
            "1.0.0",
            "--format",
            "json");
    assertEquals(0, r.code(), r.err());
    JsonNode rt = JsonMapper.builder().build().readTree(r.out()).path("runtimes").get(0);
    assertEquals("mine", rt.path("name").asString());
    assertEquals(
        List.of(RUNC.toString(), "--log-format", "json", "--log", log.toString()),
        rt.path("command").valueStream().map(JsonNode::asString).toList());
    // runc has a features command: its ociVersionMax wins over --oci-version.
    assertTrue(rt.path("ociVersionSource").asString().startsWith("features"), rt.toString());
    assertTrue(rt.path("version").asString().startsWith("runc version"), rt.toString());
    // The global options reached runc itself: it wrote its log where they said.
    assertTrue(Files.exists(log), "runc wrote no log at " + log);
  }

  @Test
  void knownRuncFailureWithoutItsEntryExitsOne(@TempDir Path tmp) throws Exception {
    assumeRunc();
    Path empty = Files.writeString(tmp.resolve("none.txt"), "# nothing expected\n");
    Run r =
        run("--runtime", "runc", "--only", "^hooks\\.order$", "--expect-fail", empty.toString());
    assertEquals(1, r.code(), r.err());
    assertTrue(r.err().contains("FAIL runc hooks.order"), r.err());
    assertTrue(r.out().startsWith("TAP version"), r.out());
    Run listed = run("--runtime", "runc", "--only", "^hooks\\.order$");
    assertEquals(0, listed.code(), listed.err());
    assertTrue(listed.out().contains("# TODO") || listed.out().contains("XFAIL"), listed.out());
  }

  @Test
  void outputDirGetsEveryFormat(@TempDir Path tmp) throws Exception {
    assumeRunc();
    Path dir = tmp.resolve("reports");
    Run r =
        run(
            "--runtime",
            "runc",
            "--only",
            "^operations\\.state-unknown",
            "--output",
            dir.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals("", r.out());
    for (String f : List.of("conformance.tap", "junit.xml", "conformance.json", "index.html")) {
      assertTrue(Files.size(dir.resolve(f)) > 0, f);
    }
  }
}
