package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;

/**
 * config-linux.md namespaces path: "This value MUST be an absolute path in the runtime mount
 * namespace."
 */
public final class NamespacePathAbsolute implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.namespaces.path.absolute",
          Level.MUST,
          "A namespace path is absolute in the runtime's mount namespace.",
          SpecLinks.configLinux("namespaces"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().linux() == null || ctx.config().linux().namespaces() == null) {
      return;
    }
    List<Namespace> namespaces = ctx.config().linux().namespaces();
    for (int i = 0; i < namespaces.size(); i++) {
      Namespace ns = namespaces.get(i);
      if (ns != null && ns.path() != null && !ns.path().startsWith("/")) {
        ctx.report(
            INFO,
            "/linux/namespaces/" + i + "/path",
            "linux.namespaces[" + i + "].path=\"" + ns.path() + "\" is not absolute");
      }
    }
  }
}
