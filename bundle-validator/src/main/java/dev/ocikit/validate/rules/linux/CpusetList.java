package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxCPU;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.CpuLists;

/**
 * config-linux.md cpu.cpus and cpu.mems: "a comma-separated list, with dashes to represent ranges.
 * For example, 0-3,7". The sentence defines the form without an RFC 2119 keyword, so SHOULD.
 */
public final class CpusetList implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.cpu.cpuset-list",
          Level.SHOULD,
          "cpu.cpus and cpu.mems are lists like 0-3,7 (ascending ranges, comma-separated).",
          SpecLinks.configLinux("cpu"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxCPU cpu = ctx.cpu();
    if (cpu == null) {
      return;
    }
    check(ctx, "cpus", cpu.cpus());
    check(ctx, "mems", cpu.mems());
  }

  private static void check(ConfigContext ctx, String field, String value) {
    if (value == null) {
      return;
    }
    CpuLists.problem(value)
        .ifPresent(
            why ->
                ctx.report(
                    INFO,
                    "/linux/resources/cpu/" + field,
                    "linux.resources.cpu." + field + "=\"" + value + "\" " + why));
  }
}
