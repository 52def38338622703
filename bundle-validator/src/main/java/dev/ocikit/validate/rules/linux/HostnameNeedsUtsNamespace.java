package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.LinuxNamespaces;

/**
 * config.md hostname/domainname: on Linux they change the container's UTS namespace, which is the
 * runtime's own unless the config lists a uts namespace (runc refuses to set them then).
 */
public final class HostnameNeedsUtsNamespace implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.uts-namespace.hostname",
          Level.ADVICE,
          "hostname and domainname are only set when linux.namespaces has a uts namespace.",
          SpecLinks.config("hostname"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    RuntimeConfig c = ctx.config();
    if (LinuxNamespaces.unreadable(c) || LinuxNamespaces.declares(c, NamespaceType.UTS)) {
      return;
    }
    report(ctx, "hostname", c.hostname());
    report(ctx, "domainname", c.domainname());
  }

  private static void report(ConfigContext ctx, String field, String value) {
    if (value != null && !value.isEmpty()) {
      ctx.report(
          INFO,
          "/" + field,
          "advice: "
              + field
              + "=\""
              + value
              + "\" is set but linux.namespaces has no uts namespace; it would change the"
              + " host's "
              + field);
    }
  }
}
