package dev.ocikit.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.spec.testing.Checkout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's promise: the sample image in testdata/ becomes a bundle that runs under runc. */
class SampleImageTest {
  @TempDir Path tmp;

  @Test
  void sampleImageBundleRunsUnderRunc() throws Exception {
    boolean runc =
        Stream.of(System.getenv("PATH").split(":"))
            .anyMatch(d -> Files.isExecutable(Path.of(d, "runc")));
    assumeTrue(
        "root".equals(System.getProperty("user.name")) && runc,
        "needs root and runc: runs the sample image's command in a container");
    Path image = Checkout.testdata().resolve("images/sample");
    Path bundle = tmp.resolve("bundle");
    ImageCommandsTest.Run made =
        ImageCommandsTest.run("bundle", "-q", image.toString(), bundle.toString());
    assertEquals(new ImageCommandsTest.Run(0, "", ""), made);
    String id = "ocikit-sample-" + ProcessHandle.current().pid();
    Process p =
        new ProcessBuilder("runc", "run", "--bundle", bundle.toString(), id)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .start();
    try {
      org.junit.jupiter.api.Assertions.assertTrue(
          p.waitFor(60, TimeUnit.SECONDS), "runc run timed out");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), () -> "runc run failed:\n" + out + err);
      assertEquals("hello from the sample image\n", out);
    } finally {
      p.destroyForcibly();
      new ProcessBuilder("runc", "delete", "--force", id).start().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
