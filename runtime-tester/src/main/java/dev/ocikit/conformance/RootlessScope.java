package dev.ocikit.conformance;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The tests that cannot make sense rootless whatever their config, by a regular expression found in
 * the test id, each with why. Tests whose config asks for what a rootless runtime cannot give (a
 * cgroup limit, a device node, another uid) need no entry: writing their bundle says so. A test of
 * {@code RootlessScopeTest} fails when a pattern matches no registered test.
 */
final class RootlessScope {
  /** Test id pattern → why; kept sorted. */
  static final Map<String, String> BY_PATTERN =
      Map.of(
          "^namespaces\\.[a-z]+\\.joined$",
          "joining a namespace of a root-owned process needs privileges over the user namespace"
              + " that owns it (the host's): open /proc/PID/ns/* is denied",
          "^delete\\.keeps-(joined-namespaces|bind-source)$",
          "their container joins namespaces of a root-owned helper, which a rootless runtime may"
              + " not open (/proc/PID/ns/* is denied)",
          "^process\\.user\\.(uid-gid|additional-gids)$",
          "the user namespace of a rootless runtime maps one id, the user's, to root, so the"
              + " process cannot be given another uid, gid or supplementary group",
          "^linux\\.devices\\.node$",
          "linux.devices needs mknod, which an unprivileged user cannot do",
          "^mounts\\.option\\.bind$",
          "inside a user namespace the kernel refuses (EINVAL) a non-recursive bind of a tree that"
              + " holds other mounts, which is what tells bind from rbind",
          "^namespaces\\.[a-z]+\\.inherited$",
          "the container runs in a new user namespace, so every namespace it inherits belongs to"
              + " the host's user namespace, where it may not mount proc or sysfs");

  private RootlessScope() {}

  static Optional<String> reason(String testId) {
    return BY_PATTERN.entrySet().stream()
        .filter(e -> Pattern.compile(e.getKey()).matcher(testId).find())
        .map(Map.Entry::getValue)
        .findFirst();
  }
}
