package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Linux;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.LinuxNamespaces;

/** linux.uidMappings/gidMappings describe a new user namespace; without one they do nothing. */
public final class IdMappingsNeedUserNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.user-namespace.id-mappings",
          Level.ADVICE,
          "linux.uidMappings and linux.gidMappings are only set when linux.namespaces has a user"
              + " namespace.",
          SpecLinks.configLinux("user-namespace-mappings"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Linux linux = ctx.config().linux();
    if (linux == null
        || LinuxNamespaces.unreadable(ctx.config())
        || LinuxNamespaces.declares(ctx.config(), NamespaceType.USER)) {
      return;
    }
    for (String field : new String[] {"uidMappings", "gidMappings"}) {
      Object value = field.equals("uidMappings") ? linux.uidMappings() : linux.gidMappings();
      if (value != null) {
        ctx.report(
            INFO,
            "/linux/" + field,
            "advice: linux."
                + field
                + " is set but linux.namespaces has no user namespace to apply it to");
      }
    }
  }
}
