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
 * config.md POSIX-platform mounts uidMappings: "If specified, the options field of the mounts
 * structure SHOULD contain either idmap or ridmap to specify whether the mapping should be applied
 * recursively for rbind mounts, as well as to ensure that older runtimes will not silently ignore
 * this field."
 */
public final class IdMappingsOption implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mounts.id-mappings.option",
          Level.SHOULD,
          "A mount with uidMappings or gidMappings lists the idmap or ridmap option.",
          SpecLinks.config("posix-platform-mounts"),
          Platform.ALL);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<Mount> mounts = ctx.config().mounts();
    if (mounts == null || ctx.platform().equals("windows")) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m == null || (m.uidMappings() == null && m.gidMappings() == null)) {
        continue;
      }
      if (!IdmapOptions.hasIdmap(m)) {
        ctx.report(
            INFO,
            m.options() == null ? "/mounts/" + i : "/mounts/" + i + "/options",
            "mounts["
                + i
                + "] has ID mappings but its options "
                + (m.options() == null ? "are absent" : m.options().toString())
                + " name neither idmap nor ridmap");
      }
    }
  }
}
