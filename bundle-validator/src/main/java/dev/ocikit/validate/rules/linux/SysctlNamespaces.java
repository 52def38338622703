package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.json.JsonPointers;
import dev.ocikit.spec.runtime.NamespaceType;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.LinuxNamespaces;
import java.util.Map;
import java.util.function.Predicate;

/** Shared check: sysctls of one namespace kind, set without that namespace. */
final class SysctlNamespaces {
  private SysctlNamespaces() {}

  static void check(
      ConfigContext ctx, RuleInfo rule, NamespaceType type, Predicate<String> belongs) {
    if (ctx.config().linux() == null || ctx.config().linux().sysctl() == null) {
      return;
    }
    if (LinuxNamespaces.unreadable(ctx.config()) || LinuxNamespaces.declares(ctx.config(), type)) {
      return;
    }
    for (Map.Entry<String, String> e : ctx.config().linux().sysctl().entrySet()) {
      if (belongs.test(e.getKey())) {
        ctx.report(
            rule,
            JsonPointers.child("/linux/sysctl", e.getKey()),
            "advice: linux.sysctl \""
                + e.getKey()
                + "\" belongs to the "
                + type.value()
                + " namespace but linux.namespaces has none; it would change the host's value");
      }
    }
  }
}
