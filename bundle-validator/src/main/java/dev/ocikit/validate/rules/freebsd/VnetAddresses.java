package dev.ocikit.validate.rules.freebsd;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.FreeBSDJail;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;

/**
 * config-freebsd.md jail: "A container which needs its own network namespace SHOULD set vnet to new
 * and leave ip4 and ip6 unchanged."
 */
public final class VnetAddresses implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "freebsd.jail.vnet-addresses",
          Level.SHOULD,
          "A jail with vnet \"new\" leaves ip4 and ip6 unset.",
          SpecLinks.configFreebsd("jail"),
          Platform.FREEBSD);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    FreeBSDJail j = ctx.config().freebsd() == null ? null : ctx.config().freebsd().jail();
    if (j == null || j.vnet() == null || !j.vnet().value().equals("new")) {
      return;
    }
    if (j.ip4() != null) {
      report(ctx, "ip4", j.ip4().value());
    }
    if (j.ip6() != null) {
      report(ctx, "ip6", j.ip6().value());
    }
  }

  private static void report(ConfigContext ctx, String field, String value) {
    ctx.report(
        INFO,
        "/freebsd/jail/" + field,
        "freebsd.jail.vnet=new (own network stack) but freebsd.jail."
            + field
            + "=\""
            + value
            + "\" is set");
  }
}
