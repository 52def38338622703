package dev.ocikit.conformance.bundle;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A minimal rootfs: one static busybox and symlinks for the applets tests use. Static, so no
 * libraries need copying; small, so a bundle costs a few milliseconds.
 */
final class BusyboxRootfs {
  static final Path BUSYBOX = Path.of("/bin/busybox");

  private static final String[] APPLETS = {
    "sh", "echo", "cat", "sleep", "id", "ls", "true", "false", "touch", "mkdir", "hostname",
    "printf", "umask", "kill", "grep", "wc", "test", "env", "pwd", "stat", "rm", "readlink"
  };

  private BusyboxRootfs() {}

  static boolean available() {
    return Files.isExecutable(BUSYBOX);
  }

  static void populate(Path rootfs) throws IOException {
    Path bin = Files.createDirectories(rootfs.resolve("bin"));
    Files.copy(BUSYBOX, bin.resolve("busybox"), StandardCopyOption.COPY_ATTRIBUTES);
    for (String applet : APPLETS) {
      Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
    }
    for (String dir : new String[] {"proc", "sys", "dev", "tmp", "etc", "usr/bin"}) {
      Files.createDirectories(rootfs.resolve(dir));
    }
    Files.writeString(rootfs.resolve("etc/passwd"), "root:x:0:0:root:/:/bin/sh\n");
    Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
  }
}
