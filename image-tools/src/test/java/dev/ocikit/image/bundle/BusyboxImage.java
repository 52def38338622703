package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Builds a real image with umoci: a busybox-static rootfs (sh, echo, id), a user {@code app} (uid
 * 1000) in group {@code staff} (gid 50), and an image config exercising every conversion rule.
 */
final class BusyboxImage {
  static final String BUSYBOX = "/bin/busybox";

  private BusyboxImage() {}

  static boolean toolsPresent(String... tools) {
    if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of(BUSYBOX))) {
      return false;
    }
    for (String t : tools) {
      boolean found =
          List.of(System.getenv("PATH").split(":")).stream()
              .anyMatch(d -> Files.isExecutable(Path.of(d, t)));
      if (!found) {
        return false;
      }
    }
    return true;
  }

  static String sh(Path cwd, String script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("sh", "-ec", script)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "script failed: " + script + "\n" + out);
    return out;
  }

  /** Builds {@code dir/img} with tag {@code latest} and returns the layout path. */
  static Path build(Path dir) throws IOException, InterruptedException {
    sh(dir, "umoci init --layout img && umoci new --image img:latest");
    sh(dir, "umoci unpack --image img:latest work");
    sh(
        dir.resolve("work/rootfs"),
        String.join(
            "\n",
            "mkdir -p bin etc tmp data && chmod 1777 tmp",
            "cp " + BUSYBOX + " bin/busybox",
            "for a in sh echo id cat ls; do ln -s busybox bin/$a; done",
            "printf 'root:x:0:0:root:/root:/bin/sh\\napp:x:1000:1000:app:/home/app:/bin/sh\\n'"
                + " > etc/passwd",
            "printf 'root:x:0:\\nstaff:x:50:app\\nwheel:x:10:root,app\\nappgrp:x:1000:\\n'"
                + " > etc/group",
            "chown 1000:1000 data && chmod 0750 data"));
    sh(dir, "umoci repack --image img:latest work && rm -rf work");
    sh(
        dir,
        "umoci config --image img:latest --config.entrypoint /bin/sh --config.cmd -c"
            + " --config.cmd 'echo hello; id -u; id -G; pwd; echo FOO=$FOO; echo v > /data/f'"
            + " --config.user app --config.workingdir /tmp --config.env FOO=bar"
            + " --config.volume /data --config.exposedports 80/tcp --config.label a=b"
            + " --config.label org.opencontainers.image.os=custom-os"
            + " --config.stopsignal SIGTERM --author tester");
    return dir.resolve("img");
  }
}
