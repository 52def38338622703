package dev.ocikit.validate.rules.zos;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.ZOSNamespace;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * config-zos.md namespaces: "If a namespaces field contains duplicated namespaces with same type,
 * the runtime MUST generate an error." (The absolute path is the schema's pattern.)
 */
public final class NamespacesUnique implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "zos.namespaces.unique",
          Level.MUST,
          "No two zos.namespaces entries have the same type.",
          SpecLinks.configZos("namespaces"),
          Platform.ZOS);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<ZOSNamespace> ns = ctx.config().zos() == null ? null : ctx.config().zos().namespaces();
    if (ns == null) {
      return;
    }
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < ns.size(); i++) {
      ZOSNamespace n = ns.get(i);
      if (n == null || n.type() == null) {
        continue;
      }
      Integer before = first.putIfAbsent(n.type().value(), i);
      if (before != null) {
        ctx.report(
            INFO,
            "/zos/namespaces/" + i + "/type",
            "zos.namespaces["
                + i
                + "].type="
                + n.type().value()
                + " repeats zos.namespaces["
                + before
                + "].type");
      }
    }
  }
}
