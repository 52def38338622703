package dev.ocikit.validate.rules.mounts;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.PathForms;
import java.util.List;

/**
 * config.md mounts destination: for Windows and Solaris (and the other non-Linux platforms) "this
 * value MUST be an absolute path"; Linux relaxed this in 1.2 (see {@link
 * DestinationRelativeDeprecated}).
 */
public final class DestinationAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mounts.destination.absolute",
          Level.MUST,
          "Outside Linux, every mount destination is an absolute path.",
          SpecLinks.config("mounts"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    String platform = ctx.platform();
    List<Mount> mounts = ctx.config().mounts();
    if (mounts == null || platform.equals("linux") || platform.equals("vm")) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m != null
          && m.destination() != null
          && !PathForms.isAbsolute(m.destination(), platform)) {
        ctx.report(
            INFO,
            "/mounts/" + i + "/destination",
            "mounts["
                + i
                + "].destination=\""
                + m.destination()
                + "\" is not an absolute "
                + platform
                + " path");
      }
    }
  }
}
