package dev.ocikit.validate.rules.freebsd;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.FreeBSDJail;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;
import java.util.regex.Pattern;

/**
 * config-freebsd.md jail ip4Addr and ip6Addr: "These addresses should be in numeric form (e.g.
 * 10.11.12.13)" and "(e.g. fd10::11:12:13)". Read as SHOULD.
 */
public final class JailAddressesNumeric implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "freebsd.jail.addresses-numeric",
          Level.SHOULD,
          "freebsd.jail.ip4Addr holds numeric IPv4 addresses and ip6Addr numeric IPv6 addresses.",
          SpecLinks.configFreebsd("jail"),
          Platform.FREEBSD);

  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\\w+)?");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    FreeBSDJail j = ctx.config().freebsd() == null ? null : ctx.config().freebsd().jail();
    if (j != null) {
      check(ctx, "ip4Addr", j.ip4Addr(), IPV4);
      check(ctx, "ip6Addr", j.ip6Addr(), IPV6);
    }
  }

  private static void check(ConfigContext ctx, String field, List<String> addrs, Pattern form) {
    if (addrs == null) {
      return;
    }
    for (int i = 0; i < addrs.size(); i++) {
      String a = addrs.get(i);
      // a /prefix is allowed by jail(8)
      String host = a == null ? null : a.replaceFirst("/\\d{1,3}$", "");
      if (host != null && !form.matcher(host).matches()) {
        ctx.report(
            INFO,
            "/freebsd/jail/" + field + "/" + i,
            "freebsd.jail." + field + "[" + i + "]=\"" + a + "\" is not a numeric address");
      }
    }
  }
}
