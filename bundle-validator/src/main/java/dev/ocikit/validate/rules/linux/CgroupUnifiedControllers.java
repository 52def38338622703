package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.host.Host.Cgroups;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.Map;

/**
 * config-linux.md unified: "The runtime MUST generate an error when the configuration refers to a
 * cgroup controller that is not present or that cannot be enabled." The controller of a key is the
 * part before the first dot; cgroup.* files and *.pressure files are core files of every cgroup.
 */
public final class CgroupUnifiedControllers extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.cgroups.unified-controllers",
          Level.MUST,
          "Every linux.resources.unified key names a controller of this host's cgroup v2"
              + " hierarchy.",
          SpecLinks.configLinux("unified"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    var r = ctx.resources();
    Map<String, String> unified = r == null ? null : r.unified();
    Cgroups cg = unified == null || unified.isEmpty() ? null : host.cgroups().orElse(null);
    if (cg == null) {
      return;
    }
    for (String key : unified.keySet()) {
      int dot = key.indexOf('.');
      if (dot <= 0 || key.startsWith("cgroup.") || key.endsWith(".pressure")) {
        continue; // core files, or a malformed key (linux.resources.unified.key-form)
      }
      String controller = key.substring(0, dot);
      if (!cg.unifiedControllers().contains(controller)) {
        ctx.report(
            INFO,
            JsonPointers.child("/linux/resources/unified", key),
            "linux.resources.unified \""
                + key
                + "\" needs the "
                + controller
                + " controller, which "
                + (cg.version() == 2
                    ? "is not in this host's /sys/fs/cgroup/cgroup.controllers"
                    : "no cgroup v2 hierarchy of this (cgroup v1) host offers"));
      }
    }
  }
}
