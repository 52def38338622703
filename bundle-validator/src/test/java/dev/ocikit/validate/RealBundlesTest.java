package dev.ocikit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No false alarms on bundles real tools make: {@code umoci unpack} (as root and rootless) and
 * {@code runc spec} (plain and rootless) must raise no finding at all, even with SHOULD as the fail
 * level.
 */
class RealBundlesTest {
  private static final ValidationOptions STRICT =
      ValidationOptions.DEFAULT.withFailLevel(Level.SHOULD);

  @Test
  void umociUnpackedBundlesAreClean(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("umoci"), "needs umoci (Debian package umoci) to make real bundles");
    String image = dir.resolve("img") + ":t";
    run(dir, "umoci", "init", "--layout", dir.resolve("img").toString());
    run(dir, "umoci", "new", "--image", image);
    run(
        dir,
        "umoci",
        "config",
        "--image",
        image,
        "--config.cmd",
        "/bin/sh",
        "--config.env",
        "A=B",
        "--config.user",
        "1000:1000",
        "--config.workingdir",
        "/srv",
        "--config.volume",
        "/data",
        "--config.exposedports",
        "80/tcp");
    // The command must exist, or process.args.executable-in-rootfs rightly says it does not.
    Path sh = Files.writeString(dir.resolve("sh"), "#!/bin/false\n");
    Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
    run(dir, "umoci", "insert", "--image", image, sh.toString(), "/bin/sh");
    List<Path> bundles = new ArrayList<>();
    if (isRoot()) {
      run(dir, "umoci", "unpack", "--image", image, dir.resolve("bundle").toString());
      bundles.add(dir.resolve("bundle"));
    }
    run(dir, "umoci", "unpack", "--rootless", "--image", image, dir.resolve("rootless").toString());
    bundles.add(dir.resolve("rootless"));
    for (Path b : bundles) {
      assertEquals(List.of(), BundleValidator.validate(b, STRICT).findings(), b.toString());
    }
  }

  @Test
  void runcSpecBundlesAreClean(@TempDir Path dir) throws Exception {
    assumeTrue(onPath("runc"), "needs runc (Debian package runc) to make real configs");
    for (String variant : new String[] {"plain", "rootless"}) {
      Path b = Files.createDirectories(dir.resolve(variant).resolve("rootfs")).getParent();
      // runc spec runs "sh" from its PATH; a rootfs without it would rightly get advice.
      Path sh = Files.createDirectories(b.resolve("rootfs/bin")).resolve("sh");
      Files.writeString(sh, "#!/bin/false\n");
      Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
      if (variant.equals("plain")) {
        run(b, "runc", "spec");
      } else {
        run(b, "runc", "spec", "--rootless");
      }
      assertEquals(List.of(), BundleValidator.validate(b, STRICT).findings(), variant);
    }
  }

  private static boolean isRoot() throws IOException {
    return Files.readString(Path.of("/proc/self/status"))
        .lines()
        .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals("0"));
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  private static void run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
  }
}
