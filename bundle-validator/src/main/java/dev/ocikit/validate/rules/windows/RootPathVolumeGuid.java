package dev.ocikit.validate.rules.windows;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.regex.Pattern;

/** config.md root.path: "On Windows, path MUST be a volume GUID path." */
public final class RootPathVolumeGuid implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "windows.root.path.volume-guid",
          Level.MUST,
          "On Windows root.path is a volume GUID path (\\\\?\\Volume{GUID}\\).",
          SpecLinks.config("root"),
          Platform.WINDOWS);

  private static final Pattern VOLUME_GUID =
      Pattern.compile(
          "^\\\\\\\\\\?\\\\Volume\\{[0-9A-Fa-f]{8}(-[0-9A-Fa-f]{4}){3}-[0-9A-Fa-f]{12}\\}\\\\?$");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Root root = ctx.config().root();
    if (root != null && root.path() != null && !VOLUME_GUID.matcher(root.path()).matches()) {
      ctx.report(
          INFO,
          "/root/path",
          "root.path=\"" + root.path() + "\" is not a volume GUID path like \\\\?\\Volume{…}\\");
    }
  }
}
