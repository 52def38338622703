package dev.ocikit.validate.rules.windows;

import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.Level;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.SpecLinks;

/** config.md root readonly: "On Windows, this field MUST be omitted or false." */
public final class RootReadonly implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "windows.root.readonly",
          Level.MUST,
          "On Windows root.readonly is omitted or false.",
          SpecLinks.config("root"),
          "windows");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Root r = ctx.config().root();
    if (r != null && Boolean.TRUE.equals(r.readonly())) {
      ctx.report(INFO, "/root/readonly", "root.readonly is true on Windows");
    }
  }
}
