package dev.ocikit.validate.rules.bundle;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;
import java.io.IOException;
import java.nio.file.Path;

/**
 * bundle.md: the bundle's artifacts are config.json and "container's root filesystem: the directory
 * referenced by root.path … these artifacts MUST all be present in a single directory on the local
 * filesystem". A relative root.path names a directory of the bundle; when a symbolic link or {@code
 * ..} takes it outside (a {@code rootfs} link to {@code /} hands the container the host's root
 * filesystem), the root filesystem is not in the bundle directory, and a tar of the bundle would
 * carry only the link.
 *
 * <p>An absolute root.path is left alone: config.md allows it anywhere.
 */
public final class RootPathInsideBundle implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "root.path.within-bundle",
          Level.MUST,
          "A relative root.path resolves, symbolic links followed, to a directory inside the"
              + " bundle.",
          SpecLinks.bundle("container-format"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Root root = ctx.config().root();
    if (root == null
        || root.path() == null
        || ctx.bundle().isEmpty()
        || !PathForms.isPosix(ctx.platform())
        || root.path().startsWith("/")) {
      return;
    }
    Path bundle;
    Path resolved;
    try {
      bundle = ctx.bundle().get().toRealPath();
      resolved = bundle.resolve(root.path()).toRealPath();
    } catch (IOException missing) {
      return; // root.path.directory reports a root that does not resolve
    }
    if (!resolved.startsWith(bundle)) {
      ctx.report(
          INFO,
          "/root/path",
          "root.path=\""
              + root.path()
              + "\" resolves to "
              + resolved
              + ", outside the bundle directory "
              + bundle);
    }
  }
}
