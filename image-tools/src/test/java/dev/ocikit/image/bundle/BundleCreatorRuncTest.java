package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.BundleCreator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.BundleResult;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.BundleValidator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bundle made from a real umoci image validates and runs under runc with the image's user. */
class BundleCreatorRuncTest {
  @TempDir Path dir;

  @Test
  void bundleFromUmociImageValidatesAndRunsUnderRunc() throws Exception {
    assumeTrue(
        BusyboxImage.toolsPresent("umoci", "runc"),
        "needs root, umoci and runc: builds an image with umoci and runs it with runc");
    Path image = BusyboxImage.build(dir);
    Path bundle = dir.resolve("bundle");
    BundleResult r = BundleCreator.create(image, "latest", bundle, BundleOptions.defaults());

    assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(bundle)));
    RuntimeConfig c = r.config();
    List<String> args = c.process().args();
    assertEquals(List.of("/bin/sh", "-c"), args.subList(0, 2));
    assertEquals("/tmp", c.process().cwd());
    assertEquals(1000L, c.process().user().uid());
    assertEquals(1000L, c.process().user().gid());
    assertEquals(List.of(50L, 10L), c.process().user().additionalGids());
    assertTrue(c.process().env().contains("FOO=bar"));
    assertTrue(c.process().env().stream().anyMatch(e -> e.startsWith("PATH=")));
    Map<String, String> a = c.annotations();
    assertEquals("b", a.get("a"));
    assertEquals("custom-os", a.get("org.opencontainers.image.os"), "Labels win");
    assertEquals("amd64", a.get("org.opencontainers.image.architecture"));
    assertEquals("80/tcp", a.get("org.opencontainers.image.exposedPorts"));
    assertEquals("SIGTERM", a.get("org.opencontainers.image.stopSignal"));
    assertEquals("tester", a.get("org.opencontainers.image.author"));
    assertFalse(a.containsKey("org.opencontainers.image.ref.name"), "index annotations stay out");
    Mount data = c.mounts().stream().filter(m -> m.destination().equals("/data")).findFirst().get();
    assertEquals("tmpfs", data.type());
    assertEquals(List.of("nosuid", "nodev", "uid=1000", "gid=1000", "mode=0750"), data.options());

    ValidationResult v = BundleValidator.validate(bundle, ValidationOptions.DEFAULT);
    List<Finding> errors = v.findings().stream().filter(Finding::isError).toList();
    assertEquals(List.of(), errors);
    // runc runs it below, so the advice that the command is missing would be a false alarm
    assertEquals(
        List.of(),
        v.findings().stream()
            .filter(f -> f.ruleId().equals("process.args.executable-in-rootfs"))
            .toList());

    String id = "ocikit-bundle-test-" + ProcessHandle.current().pid();
    try {
      Process p =
          new ProcessBuilder("runc", "run", "--bundle", bundle.toString(), id)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      assertTrue(p.waitFor(60, TimeUnit.SECONDS), "runc run timed out");
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(0, p.exitValue(), () -> "runc run failed:\n" + out + err);
      List<String> lines = out.lines().toList();
      assertEquals("hello", lines.get(0), out);
      assertEquals("1000", lines.get(1), out);
      assertEquals(
          java.util.Set.of("1000", "50", "10"), java.util.Set.of(lines.get(2).split(" ")), out);
      assertEquals("/tmp", lines.get(3), out);
      assertEquals("FOO=bar", lines.get(4), out);
      assertFalse(Files.exists(r.unpacked().rootfs().resolve("data/f")), "volume is a tmpfs");
    } finally {
      new ProcessBuilder("runc", "delete", "--force", id).start().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
