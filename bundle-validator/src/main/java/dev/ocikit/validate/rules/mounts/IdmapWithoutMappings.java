package dev.ocikit.validate.rules.mounts;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.LinuxNamespaces;
import java.util.List;

/**
 * config.md Linux mount options, idmap and ridmap: "If there are no uidMappings and gidMappings
 * specified and the container isn't using user namespaces, an error MUST be returned." A user
 * namespace joined by path counts as used.
 */
public final class IdmapWithoutMappings implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "mounts.idmap.without-mappings",
          Level.MUST,
          "An idmap or ridmap mount has its own ID mappings or the container has a user namespace.",
          SpecLinks.config("posix-platform-mounts"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<Mount> mounts = ctx.config().mounts();
    if (mounts == null
        || LinuxNamespaces.unreadable(ctx.config())
        || LinuxNamespaces.declares(ctx.config(), NamespaceType.USER)) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m == null
          || m.options() == null
          || m.uidMappings() != null
          || m.gidMappings() != null
          || m.otherProperties().containsKey("uidMappings")
          || m.otherProperties().containsKey("gidMappings")) {
        continue;
      }
      for (int j = 0; j < m.options().size(); j++) {
        if (IdmapOptions.isIdmap(m.options().get(j))) {
          ctx.report(
              INFO,
              "/mounts/" + i + "/options/" + j,
              "mounts["
                  + i
                  + "] asks for "
                  + m.options().get(j)
                  + " without uidMappings/gidMappings and linux.namespaces has no user"
                  + " namespace to take mappings from");
          break;
        }
      }
    }
  }
}
