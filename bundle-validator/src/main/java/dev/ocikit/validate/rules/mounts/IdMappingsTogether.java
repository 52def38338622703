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
 * config.md POSIX-platform mounts uidMappings: "If specified, it MUST be specified along with
 * gidMappings", and the same for gidMappings.
 */
public final class IdMappingsTogether implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mounts.id-mappings.together",
          Level.MUST,
          "A mount with uidMappings also has gidMappings, and the other way round.",
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
      if (m == null) {
        continue;
      }
      boolean uid = present(m, "uidMappings", m.uidMappings());
      boolean gid = present(m, "gidMappings", m.gidMappings());
      if (uid != gid) {
        String has = uid ? "uidMappings" : "gidMappings";
        String lacks = uid ? "gidMappings" : "uidMappings";
        ctx.report(
            INFO,
            "/mounts/" + i + "/" + has,
            "mounts[" + i + "] has " + has + " but no " + lacks + "; both must be given");
      }
    }
  }

  private static boolean present(Mount m, String name, Object typed) {
    return typed != null || m.otherProperties().containsKey(name);
  }
}
