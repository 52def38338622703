package dev.ocikit.validate.rules.mounts;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.List;
import java.util.Set;

/**
 * config.md POSIX-platform mounts type, Linux: "filesystem types supported by the kernel as listed
 * in /proc/filesystems ... For bind mounts ... the type is a dummy". Advice, not MUST: mount(2)
 * loads a filesystem module on demand, so a type missing from the list may still mount.
 */
public final class FilesystemTypeKnown extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.mounts.filesystem-type",
          Level.ADVICE,
          "Every non-bind mount's type is a filesystem listed in /proc/filesystems.",
          SpecLinks.config("posix-platform-mounts"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    List<Mount> mounts = ctx.config().mounts();
    Set<String> known = mounts == null ? null : host.filesystems().orElse(null);
    if (known == null) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      Mount m = mounts.get(i);
      if (m == null || m.type() == null || m.type().isEmpty() || isBind(m)) {
        continue;
      }
      // fuse.sshfs is the fuse filesystem with a subtype
      String base = m.type().startsWith("fuse.") ? "fuse" : m.type();
      // runc and crun mount cgroup2 for type cgroup on a unified host
      boolean cgroupAsV2 = base.equals("cgroup") && known.contains("cgroup2");
      if (!known.contains(base) && !cgroupAsV2) {
        ctx.report(
            INFO,
            "/mounts/" + i + "/type",
            "advice: mounts["
                + i
                + "].type=\""
                + m.type()
                + "\" is not in this host's /proc/filesystems; mount(2) fails unless a module"
                + " provides it");
      }
    }
  }

  /** Bind mounts by option; runc also treats type "bind" as one. */
  private static boolean isBind(Mount m) {
    if (m.type().equals("bind") || m.type().equals("none")) {
      return true;
    }
    return m.options() != null && (m.options().contains("bind") || m.options().contains("rbind"));
  }
}
