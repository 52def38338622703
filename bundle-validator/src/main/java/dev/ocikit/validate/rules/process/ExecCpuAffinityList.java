package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.ExecCPUAffinity;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import dev.ocikit.validate.rules.CpuLists;

/**
 * config.md Linux process execCPUAffinity initial: "a comma-separated list, with dashes to
 * represent ranges. For example, 0-3,7"; final: "The format is the same as for initial". No RFC
 * 2119 keyword, so SHOULD (as linux.resources.cpu.cpuset-list).
 */
public final class ExecCpuAffinityList implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.exec-cpu-affinity.cpu-list",
          Level.SHOULD,
          "execCPUAffinity.initial and .final are CPU lists like 0-3,7.",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    var p = ctx.config().process();
    ExecCPUAffinity a = p == null ? null : p.execCPUAffinity();
    if (a == null) {
      return;
    }
    check(ctx, "initial", a.initial());
    check(ctx, "final", a.finalValue());
  }

  private static void check(ConfigContext ctx, String field, String value) {
    if (value != null) {
      CpuLists.problem(value)
          .ifPresent(
              why ->
                  ctx.report(
                      INFO,
                      "/process/execCPUAffinity/" + field,
                      "process.execCPUAffinity." + field + "=\"" + value + "\" " + why));
    }
  }
}
