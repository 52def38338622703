package dev.ocikit.validate.rules.bundle;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.Process;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * config.md process.args: the first entry is used "with the same semantics as execvp's file". No
 * sentence makes the bundle hold it (a runtime reports the failure at start), so this is advice: it
 * looks the command up in the bundle's rootfs as execvp would inside the container, with the PATH
 * of {@code process.env}, links followed without leaving the rootfs. A path under a mount
 * destination is not judged: the mount decides what is there.
 */
public final class ArgsExecutableFound implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.args.executable-in-rootfs",
          Level.ADVICE,
          "process.args[0] names an executable file of the rootfs, found as execvp would with the"
              + " PATH of process.env.",
          SpecLinks.config("process"),
          Platform.LINUX);

  /**
   * Searched when process.env sets no PATH: the PATH runc and containerd give a container. It holds
   * glibc's execvp default (/bin:/usr/bin), so a command missing from it is missing for both.
   */
  static final String DEFAULT_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Process p = ctx.config().process();
    Root root = ctx.config().root();
    if (p == null
        || p.args() == null
        || p.args().isEmpty()
        || root == null
        || root.path() == null) {
      return;
    }
    String command = p.args().get(0);
    Path rootfs = ctx.bundle().map(b -> b.resolve(root.path())).orElse(null);
    if (command == null || command.isEmpty() || rootfs == null || !Files.isDirectory(rootfs)) {
      return; // no bundle, or a missing rootfs: root.path.directory speaks about that
    }
    String cwd = p.cwd() == null || !p.cwd().startsWith("/") ? "/" : p.cwd();
    String path = pathOf(p.env());
    List<String> candidates = new ArrayList<>();
    if (command.contains("/")) {
      candidates.add(command.startsWith("/") ? command : cwd + "/" + command);
    } else {
      for (String dir : (path == null ? DEFAULT_PATH : path).split(":", -1)) {
        String d = dir.isEmpty() ? cwd : dir.startsWith("/") ? dir : cwd + "/" + dir;
        candidates.add(d + "/" + command);
      }
    }
    RootfsPath fs = new RootfsPath(rootfs);
    String notExecutable = null;
    for (String candidate : candidates) {
      if (underMount(candidate, ctx.config().mounts())) {
        return; // a mount provides this place; its content is not in the bundle
      }
      Optional<Path> found = fs.resolve(candidate);
      if (found.isEmpty() || !Files.exists(found.get())) {
        continue;
      }
      if (RootfsPath.isExecutableFile(found.get())) {
        return;
      }
      if (notExecutable == null) {
        String target = fs.containerPath(found.get());
        notExecutable = target.equals(candidate) ? candidate : candidate + " (" + target + ")";
      }
    }
    ctx.report(INFO, "/process/args/0", message(command, path, notExecutable));
  }

  private static String message(String command, String path, String notExecutable) {
    String where =
        command.contains("/")
            ? ""
            : path == null
                ? " on the default PATH " + DEFAULT_PATH + " (process.env sets no PATH)"
                : " on PATH=" + path;
    if (notExecutable != null) {
      return "advice: process.args[0]=\""
          + command
          + "\" is in the rootfs at "
          + notExecutable
          + " but that is not an executable regular file; the container will not start";
    }
    return "advice: process.args[0]=\""
        + command
        + "\" is not found in the rootfs"
        + where
        + "; the container will not start";
  }

  /** The value of the last PATH= entry, as the process would see it; null when none. */
  private static String pathOf(List<String> env) {
    String path = null;
    if (env != null) {
      for (String e : env) {
        if (e != null && e.startsWith("PATH=")) {
          path = e.substring("PATH=".length());
        }
      }
    }
    return path;
  }

  /** Whether a mount destination is {@code path} or one of its parent directories. */
  private static boolean underMount(String path, List<Mount> mounts) {
    if (mounts == null) {
      return false;
    }
    String p = Path.of(path).normalize().toString();
    for (Mount m : mounts) {
      String d = m.destination();
      if (d == null || !d.startsWith("/")) {
        continue;
      }
      String dest = Path.of(d).normalize().toString();
      if (dest.equals("/") || p.equals(dest) || p.startsWith(dest + "/")) {
        return true;
      }
    }
    return false;
  }
}
