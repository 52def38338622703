package dev.ocikit.validate.rules.bundle;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** config.md root.path: "A directory MUST exist at the path declared by the field." */
public final class RootPathExists implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "root.path.directory",
          Level.MUST,
          "A directory exists at root.path (absolute, or relative to the bundle).",
          "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#root",
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Root root = ctx.config().root();
    if (root == null || root.path() == null || ctx.bundle().isEmpty()) {
      return; // a missing root is the schema's or a platform rule's business
    }
    if (ctx.platform().equals("windows")) {
      return; // a volume GUID path names a volume, not a directory of the bundle
    }
    Path bundle = ctx.bundle().get();
    Path path = bundle.resolve(root.path());
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.exists(path)) {
      ctx.report(
          INFO,
          "/root/path",
          "root.path=\"" + root.path() + "\" does not exist (resolved to " + path + ")");
    } else if (!Files.isDirectory(path)) {
      ctx.report(
          INFO,
          "/root/path",
          "root.path=\"" + root.path() + "\" is not a directory (resolved to " + path + ")");
    }
  }
}
