package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.BundleCreator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.UnpackOptions;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code --rootless} bundle (user namespace mapping the caller to root, devices as files, no
 * cgroup limits) runs under runc with a private state directory ({@code runc --root}).
 */
class BundleRootlessRuncTest {
  @TempDir Path dir;

  @Test
  void rootlessBundleRunsUnderRunc() throws Exception {
    assumeTrue(
        BusyboxImage.toolsPresent("umoci", "runc"),
        "needs root, umoci and runc: builds an image with umoci and runs it with runc");
    Path image = BusyboxImage.build(dir);
    // Rootless maps one id, the caller, to root: the image must run as root and keep no volume
    // owned by another user.
    BusyboxImage.sh(
        dir,
        "umoci config --image img:latest --config.user 0:0 --clear=config.volume"
            + " --clear=config.cmd --config.cmd -c --config.cmd 'echo hello; id -u; ls -ld /tmp'");
    Path bundle = dir.resolve("bundle");
    BundleOptions options =
        BundleOptions.defaults().withUnpack(UnpackOptions.defaults().withRootless(true));
    BundleCreator.create(image, "latest", bundle, options);
    String config = Files.readString(bundle.resolve("config.json"));
    assertTrue(config.contains("\"uidMappings\""), config);

    Path state = Files.createDirectory(dir.resolve("runc-state"));
    String id = "ocikit-rootless-test-" + ProcessHandle.current().pid();
    try {
      Process p =
          new ProcessBuilder(
                  "runc", "--root", state.toString(), "run", "--bundle", bundle.toString(), id)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "runc run timed out");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), () -> "runc run failed:\n" + out + err + "\n" + config);
      assertEquals("hello", out.lines().findFirst().orElse(""), out);
      assertEquals("0", out.lines().skip(1).findFirst().orElse(""), out);
    } finally {
      new ProcessBuilder("runc", "--root", state.toString(), "delete", "--force", id)
          .start()
          .waitFor(30, TimeUnit.SECONDS);
    }
  }
}
