package dev.ocikit.validate.rules.freebsd;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.FreeBSDJail;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-freebsd.md jail enforceStatfs: "A value of 0 allows visibility of all host mounts, 1 ...
 * and 2 only allows the container root to be visible." Only those three are defined; no RFC 2119
 * keyword, so SHOULD.
 */
public final class EnforceStatfsRange implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "freebsd.jail.enforce-statfs",
          Level.SHOULD,
          "freebsd.jail.enforceStatfs is 0, 1 or 2.",
          SpecLinks.configFreebsd("jail"),
          Platform.FREEBSD);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    FreeBSDJail j = ctx.config().freebsd() == null ? null : ctx.config().freebsd().jail();
    Integer v = j == null ? null : j.enforceStatfs();
    if (v != null && (v < 0 || v > 2)) {
      ctx.report(
          INFO,
          "/freebsd/jail/enforceStatfs",
          "freebsd.jail.enforceStatfs=" + v + " is not one of 0, 1, 2");
    }
  }
}
