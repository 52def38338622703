package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.RuleInfo;
import dev.ocikit.validate.rules.ConfigContext;
import java.util.List;

/** Shared check for maskedPaths and readonlyPaths. */
final class AbsolutePathList {
  private AbsolutePathList() {}

  static void check(ConfigContext ctx, RuleInfo rule, String field, List<String> paths) {
    if (paths == null) {
      return;
    }
    for (int i = 0; i < paths.size(); i++) {
      String p = paths.get(i);
      if (p != null && !p.startsWith("/")) {
        ctx.report(
            rule,
            "/linux/" + field + "/" + i,
            "linux." + field + "[" + i + "]=\"" + p + "\" is not an absolute path");
      }
    }
  }
}
