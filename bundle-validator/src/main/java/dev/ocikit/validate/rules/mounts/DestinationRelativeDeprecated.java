package dev.ocikit.validate.rules.mounts;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;

/**
 * config.md mounts destination, Linux (since 1.2): "This value SHOULD be an absolute path. For
 * compatibility with old tools and configurations, it MAY be a relative path, in which case it MUST
 * be interpreted as relative to "/". Relative paths are deprecated." A SHOULD finding is a warning
 * under the default fail level, so old configs still pass.
 */
public final class DestinationRelativeDeprecated implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mounts.destination.relative-deprecated",
          Level.SHOULD,
          "On Linux, a mount destination is absolute (relative ones mean relative to \"/\" and are"
              + " deprecated).",
          SpecLinks.config("mounts"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<Mount> mounts = ctx.config().mounts();
    if (mounts == null) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m != null && m.destination() != null && !m.destination().startsWith("/")) {
        ctx.report(
            INFO,
            "/mounts/" + i + "/destination",
            "mounts["
                + i
                + "].destination=\""
                + m.destination()
                + "\" is relative; it is read as \"/"
                + m.destination()
                + "\" and relative destinations are deprecated");
      }
    }
  }
}
