package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxIntelRdt;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-linux.md intelRdt l3CacheSchema: "The value SHOULD start with L3: and SHOULD NOT contain
 * newlines." (memBwSchema's MUSTs are the schema's pattern.)
 */
public final class IntelRdtL3CacheSchema implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.intel-rdt.l3-cache-schema",
          Level.SHOULD,
          "intelRdt.l3CacheSchema starts with L3: and has no newline.",
          SpecLinks.configLinux("intelrdt"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxIntelRdt rdt = ctx.config().linux() == null ? null : ctx.config().linux().intelRdt();
    String v = rdt == null ? null : rdt.l3CacheSchema();
    if (v == null) {
      return;
    }
    if (!v.startsWith("L3:")) {
      report(ctx, v, "does not start with L3:");
    } else if (v.indexOf('\n') >= 0) {
      report(ctx, v, "contains a newline");
    }
  }

  private static void report(ConfigContext ctx, String v, String why) {
    ctx.report(
        INFO,
        "/linux/intelRdt/l3CacheSchema",
        "linux.intelRdt.l3CacheSchema=\"" + v.replace("\n", "\\n") + "\" " + why);
  }
}
