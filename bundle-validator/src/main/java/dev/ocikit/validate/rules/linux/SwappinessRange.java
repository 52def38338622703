package dev.ocikit.validate.rules.linux;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.LinuxMemory;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.math.BigInteger;

/**
 * config-linux.md memory swappiness: "The values are from 0 to 100." No RFC 2119 keyword, so
 * SHOULD.
 */
public final class SwappinessRange implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "linux.resources.memory.swappiness",
          Level.SHOULD,
          "memory.swappiness is between 0 and 100.",
          SpecLinks.configLinux("memory"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    LinuxMemory m = ctx.memory();
    if (m != null
        && m.swappiness() != null
        && m.swappiness().compareTo(BigInteger.valueOf(100)) > 0) {
      ctx.report(
          INFO,
          "/linux/resources/memory/swappiness",
          "linux.resources.memory.swappiness=" + m.swappiness() + " is above 100");
    }
  }
}
