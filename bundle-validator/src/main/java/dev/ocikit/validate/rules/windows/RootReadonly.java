package dev.ocikit.validate.rules.windows;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Root;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/** config.md root readonly: "On Windows, this field MUST be omitted or false." */
public final class RootReadonly implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "windows.root.readonly",
          Level.MUST,
          "On Windows root.readonly is omitted or false.",
          SpecLinks.config("root"),
          Platform.WINDOWS);

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
