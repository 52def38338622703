package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.IOPriority;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config.md Linux process ioPriority priority: "The value should be an integer ranging from 0
 * (highest) to 7 (lowest)." A lower-case should, read as SHOULD; ioprio_set(2) refuses other values
 * with EINVAL.
 */
public final class IoPriorityRange implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.io-priority.range",
          Level.SHOULD,
          "process.ioPriority.priority is between 0 (highest) and 7 (lowest).",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    IOPriority io = ctx.config().process() == null ? null : ctx.config().process().ioPriority();
    if (io != null && io.priority() != null && (io.priority() < 0 || io.priority() > 7)) {
      ctx.report(
          INFO,
          "/process/ioPriority/priority",
          "process.ioPriority.priority=" + io.priority() + " is outside 0 to 7");
    }
  }
}
