package dev.ocikit.conformance;

import dev.ocikit.conformance.bundle.Rootless;
import dev.ocikit.conformance.driver.RuntimeDriver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a rootless run changes about how a runtime is called: a home of the user's own (HOME and
 * XDG_RUNTIME_DIR, holding the runtime's {@code --root} state directory), a clean environment,
 * {@code setpriv} to the user, and {@code --rootless true} for runc (crun and runsc tell by
 * themselves). The harness itself stays root, to observe containers and to clean up.
 */
final class RootlessRuns {
  /** The directory of a runtime's own state inside the user's home. */
  static final String STATE = "state";

  private RootlessRuns() {}

  /**
   * Makes {@code dir/rootless} (mode 0700, owned by the user): the user's HOME and XDG_RUNTIME_DIR
   * for every call of one runtime.
   */
  static Path home(Rootless rootless, Path dir) throws IOException {
    Path home = Files.createDirectories(dir.resolve("rootless"));
    Files.createDirectories(home.resolve(STATE));
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
    Files.setPosixFilePermissions(
        home.resolve(STATE), PosixFilePermissions.fromString("rwx------"));
    rootless.own(home);
    return home;
  }

  /**
   * The runtime with its state under {@code home} ({@code --root}, before the user's own global
   * options so that a {@code --root} given there wins), and {@code --rootless true} for runc, whose
   * automatic detection needs a XDG_RUNTIME_DIR convention we do not rely on.
   */
  static RuntimeCommand command(RuntimeCommand runtime, Path home) {
    List<String> args = new ArrayList<>();
    if (runtime.executable().getFileName().toString().startsWith("runc")) {
      args.addAll(List.of("--rootless", "true"));
    }
    args.addAll(List.of("--root", home.resolve(STATE).toString()));
    args.addAll(runtime.args());
    return new RuntimeCommand(runtime.name(), runtime.executable(), args);
  }

  /** {@return {@code driver} run as the user, with only PATH, HOME and XDG_RUNTIME_DIR set} */
  static RuntimeDriver driver(RuntimeDriver driver, Rootless rootless, Path home) {
    return driver.asUser(
        rootless.uid(),
        rootless.gid(),
        Map.of(
            "PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
            "HOME", home.toString(),
            "XDG_RUNTIME_DIR", home.toString(),
            "USER", rootless.user()));
  }

  /**
   * Why a test cannot make sense rootless whatever its config (those whose config asks for what
   * rootless cannot give are found when their bundle is written), or empty.
   */
  static Optional<String> notApplicable(String testId) {
    return RootlessScope.reason(testId).map(r -> Rootless.NOT_APPLICABLE + r);
  }
}
