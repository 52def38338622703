package dev.ocikit.validate.rules.root;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;

/**
 * config.md root.path: "On POSIX platforms, path is either an absolute path or a relative path to
 * the bundle. … The value SHOULD be the conventional rootfs." An absolute path ending in /rootfs
 * keeps the name and passes.
 */
public final class RootPathConventional implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "root.path.conventional",
          Level.SHOULD,
          "On POSIX platforms root.path names the conventional directory rootfs.",
          SpecLinks.config("root"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Root root = ctx.config().root();
    if (root == null || root.path() == null || !PathForms.isPosix(ctx.platform())) {
      return;
    }
    String p = root.path();
    while (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    if (!(p.equals("rootfs") || p.endsWith("/rootfs"))) {
      ctx.report(
          INFO, "/root/path", "root.path=\"" + root.path() + "\" is not the conventional rootfs");
    }
  }
}
