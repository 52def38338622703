package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.testing.Checkout;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launchers' entry points run in a JVM of their own, as users start them: what reaches stdout
 * and stderr there (start-up settings, library chatter) is never seen by the in-process tests.
 */
class MainProcessTest {
  @TempDir Path tmp;

  private ToolProcess.Result java(String main, String... args) throws Exception {
    return new ToolProcess(tmp).run(main, args);
  }

  @Test
  void validateWritesTheReportAndNothingElse() throws Exception {
    Path bundle = Checkout.testdata().resolve("bundles/sample");
    for (String[] args :
        List.of(
            new String[] {bundle.toString()},
            new String[] {"--level", "must", bundle.toString()})) {
      ToolProcess.Result r = java("OciValidate", args);
      // The sample's rootfs is empty, so its "sh" is missing: advice, not an error.
      assertEquals(
          new ToolProcess.Result(
              0,
              "warning process.args.executable-in-rootfs [ADVICE] "
                  + bundle.resolve("config.json")
                  + ":10:7 #/process/args/0: advice: process.args[0]=\"sh\" is not found in the"
                  + " rootfs on PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin;"
                  + " the container will not start\n"
                  + "    see https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md"
                  + "#process\n"
                  + "VALID "
                  + bundle
                  + " (bundle): 0 error(s), 1 warning(s)\n",
              ""),
          r);
    }
  }

  @Test
  void imageValidationAndExplainKeepStderrEmpty() throws Exception {
    Path image = Checkout.testdata().resolve("images/sample");
    ToolProcess.Result v = java("OciValidate", image.toString());
    assertEquals(0, v.exit(), v.err());
    assertEquals("", v.err());
    ToolProcess.Result e = java("OciTool", "explain", "process.cwd.absolute");
    assertEquals(0, e.exit(), e.err());
    assertEquals("", e.err());
    assertTrue(e.out().startsWith("process.cwd.absolute"), e.out());
  }
}
