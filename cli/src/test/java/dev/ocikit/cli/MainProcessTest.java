package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.Checkout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' entry points run in a JVM of their own, as users start them: what reaches stdout
 * and stderr there (start-up settings, library chatter) is never seen by the in-process tests.
 */
class MainProcessTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private Run java(String main, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(main);
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out");
    Path err = tmp.resolve("err");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), String.join(" ", cmd));
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void validateWritesTheReportAndNothingElse() throws Exception {
    Path bundle = Checkout.testdata().resolve("bundles/sample");
    for (String[] args :
        List.of(
            new String[] {bundle.toString()},
            new String[] {"--level", "must", bundle.toString()})) {
      Run r = java("dev.ocikit.cli.OciValidate", args);
      assertEquals(new Run(0, "VALID " + bundle + " (bundle): 0 error(s), 0 warning(s)\n", ""), r);
    }
  }

  @Test
  void imageValidationAndExplainKeepStderrEmpty() throws Exception {
    Path image = Checkout.testdata().resolve("images/sample");
    Run v = java("dev.ocikit.cli.OciValidate", image.toString());
    assertEquals(0, v.exit(), v.err());
    assertEquals("", v.err());
    Run e = java("dev.ocikit.cli.OciTool", "explain", "process.cwd.absolute");
    assertEquals(0, e.exit(), e.err());
    assertEquals("", e.err());
    assertTrue(e.out().startsWith("process.cwd.absolute"), e.out());
  }
}
