package dev.ocikit.conformance.report;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads a page in Debian's headless chromium and hands back the DOM it built and the console
 * messages the page caused.
 *
 * <p>The command (chromium 156 on Debian 12, as root): {@code chromium --headless=new --disable-gpu
 * --no-sandbox --user-data-dir=DIR --enable-logging=stderr --v=0 --dump-dom file:///…}. {@code
 * --dump-dom} prints the DOM after load; {@code --enable-logging=stderr} prints every console
 * message (console.error, a Content-Security-Policy violation, a resource that failed to load) as a
 * {@code :INFO:CONSOLE:<line>] "message", source: …} line; {@code --no-sandbox} because the sandbox
 * refuses to run as root; a fresh profile so runs do not share state.
 */
final class HeadlessChromium {
  /** Matches the console lines of {@code --enable-logging=stderr}, old and new forms. */
  private static final Pattern CONSOLE = Pattern.compile(":CONSOLE(?:\\(\\d+\\)|:\\d+)?\\] (.*)");

  private static final long TIMEOUT_SECONDS = 120;

  /** What chromium made of a page. */
  record Rendered(String dom, List<String> consoleMessages, String stderr) {}

  private HeadlessChromium() {}

  /**
   * The chromium executable. Without it the test is skipped on a developer's machine and fails
   * under CI (CI set), where scripts/install-test-deps.sh must have installed it: a browser check
   * that silently does not run proves nothing.
   */
  static Path require() {
    return require(System.getenv().getOrDefault("PATH", ""), System.getenv("CI"));
  }

  /** {@link #require()} with the search path and CI variable given. */
  static Path require(String searchPath, String ci) {
    for (String dir : searchPath.split(File.pathSeparator)) {
      for (String name : List.of("chromium", "chromium-browser")) {
        Path p = Path.of(dir.isEmpty() ? "." : dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    if (ci == null || ci.isEmpty()) {
      abort(
          "chromium is not installed (scripts/install-test-deps.sh installs Debian's chromium as"
              + " root); this test fails instead when CI is set");
    }
    return fail(
        "CI is set but chromium is not on PATH: scripts/install-test-deps.sh should have"
            + " installed Debian's chromium package");
  }

  /** Loads {@code page} and returns its DOM and console messages; fails on a crash or hang. */
  static Rendered render(Path chromium, Path page, Path work) throws Exception {
    Path profile = Files.createDirectories(work.resolve("chromium-profile"));
    Path out = work.resolve("chromium.out");
    Path err = work.resolve("chromium.err");
    List<String> command =
        List.of(
            chromium.toString(),
            "--headless=new",
            "--disable-gpu",
            "--no-sandbox",
            "--user-data-dir=" + profile,
            "--enable-logging=stderr",
            "--v=0",
            "--dump-dom",
            page.toAbsolutePath().toUri().toString());
    // Files, not pipes: chromium's helpers may keep a pipe open after the browser exits.
    Process p =
        new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    boolean done = p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    // Whatever chromium left running (zygote, gpu, renderer) goes with it.
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    if (!done) {
      p.destroyForcibly();
    }
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    if (!done) {
      fail("chromium did not finish within " + TIMEOUT_SECONDS + " s: " + command + "\n" + stderr);
    }
    if (p.exitValue() != 0) {
      fail("chromium exited " + p.exitValue() + ": " + command + "\n" + stderr);
    }
    List<String> console = new ArrayList<>();
    for (String line : stderr.split("\n")) {
      Matcher m = CONSOLE.matcher(line);
      if (m.find()) {
        console.add(m.group(1));
      }
    }
    deleteTree(profile);
    return new Rendered(Files.readString(out, StandardCharsets.UTF_8), console, stderr);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}
