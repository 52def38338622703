package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.List;
import java.util.Set;

/**
 * config-linux.md namespaces: "The following namespace types SHOULD be supported" — by runtimes;
 * the kernel may still lack one (time needs Linux 5.6 and CONFIG_TIME_NS). No sentence says what
 * then, so advice.
 */
public final class NamespacesKernelSupported extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.namespaces.kernel-supported",
          Level.ADVICE,
          "Every linux.namespaces type is offered by the running kernel (/proc/self/ns).",
          SpecLinks.configLinux("namespaces"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    List<Namespace> ns = ctx.config().linux() == null ? null : ctx.config().linux().namespaces();
    Set<String> kinds = ns == null || ns.isEmpty() ? null : host.namespaceKinds().orElse(null);
    if (kinds == null) {
      return;
    }
    for (int i = 0; i < ns.size(); i++) {
      Namespace n = ns.get(i);
      if (n == null || n.type() == null || !n.type().isKnown()) {
        continue;
      }
      String file = procName(n.type().value());
      if (!kinds.contains(file)) {
        ctx.report(
            INFO,
            "/linux/namespaces/" + i + "/type",
            "advice: linux.namespaces["
                + i
                + "].type="
                + n.type().value()
                + " but this kernel has no /proc/self/ns/"
                + file);
      }
    }
  }

  /** The /proc/self/ns name of a spec namespace type. */
  private static String procName(String type) {
    return switch (type) {
      case "network" -> "net";
      case "mount" -> "mnt";
      default -> type;
    };
  }
}
