package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Namespace;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * config-linux.md namespaces: "If a namespaces field contains duplicated namespaces with same type,
 * the runtime MUST generate an error."
 */
public final class NamespacesUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.namespaces.unique",
          Level.MUST,
          "No two linux.namespaces entries have the same type.",
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
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < namespaces.size(); i++) {
      Namespace ns = namespaces.get(i);
      if (ns == null || ns.type() == null) {
        continue;
      }
      Integer earlier = first.putIfAbsent(ns.type().value(), i);
      if (earlier != null) {
        ctx.report(
            INFO,
            "/linux/namespaces/" + i + "/type",
            "linux.namespaces["
                + i
                + "].type=\""
                + ns.type().value()
                + "\" repeats linux.namespaces["
                + earlier
                + "].type");
      }
    }
  }
}
