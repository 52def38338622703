package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the host's runtimes are, and the assumptions tests that drive them make. */
final class HostRuntimes {
  static final Path RUNC = Path.of("/usr/sbin/runc");
  static final Path CRUN = Path.of("/usr/bin/crun");
  static final Path RUNSC = Path.of("/usr/bin/runsc");
  static final Path RUNC_XFAILS = Path.of("expected-failures/runc-1.1.5.txt");
  static final Path CRUN_XFAILS = Path.of("expected-failures/crun-1.8.1.txt");
  static final Path RUNSC_XFAILS = Path.of("expected-failures/runsc-20221219.0.txt");
  static final java.util.List<Path> ALL_XFAILS =
      java.util.List.of(RUNC_XFAILS, CRUN_XFAILS, RUNSC_XFAILS);

  private HostRuntimes() {}

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static void assumeRootAndRunc() {
    assumeTrue(
        isRoot() && Files.isExecutable(RUNC) && Files.isExecutable(Path.of("/bin/busybox")),
        "needs root, runc at " + RUNC + " and a static busybox at /bin/busybox");
  }
}
