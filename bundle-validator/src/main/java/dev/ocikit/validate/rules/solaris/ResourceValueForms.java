package dev.ocikit.validate.rules.solaris;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Solaris;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.regex.Pattern;

/**
 * config-solaris.md: for maxShmMemory and cappedMemory "A scale (K, M, G, T) can be applied to the
 * value" (the examples write 512m), and cappedCPU.ncpus is "a fraction (for example, .75) or a
 * mixed number (... 1.25)". Forms without an RFC 2119 keyword, so SHOULD.
 */
public final class ResourceValueForms implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "solaris.resource-values.form",
          Level.SHOULD,
          "Solaris memory caps are numbers with an optional K/M/G/T scale and ncpus is a decimal"
              + " number.",
          SpecLinks.configSolaris("maxshmmemory"),
          Platform.SOLARIS);

  private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?[KMGTkmgt]?");
  private static final Pattern NCPUS = Pattern.compile("\\d*\\.?\\d+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    Solaris s = ctx.config().solaris();
    if (s == null) {
      return;
    }
    check(ctx, "/solaris/maxShmMemory", s.maxShmMemory(), MEMORY);
    if (s.cappedMemory() != null) {
      check(ctx, "/solaris/cappedMemory/physical", s.cappedMemory().physical(), MEMORY);
      check(ctx, "/solaris/cappedMemory/swap", s.cappedMemory().swap(), MEMORY);
    }
    if (s.cappedCPU() != null) {
      check(ctx, "/solaris/cappedCPU/ncpus", s.cappedCPU().ncpus(), NCPUS);
    }
  }

  private static void check(ConfigContext ctx, String pointer, String value, Pattern form) {
    if (value != null && !form.matcher(value).matches()) {
      ctx.report(
          INFO,
          pointer,
          pointer.substring(1).replace('/', '.')
              + "=\""
              + value
              + "\" is not "
              + (form == NCPUS
                  ? "a decimal number of CPUs"
                  : "a number with a K, M, G or T scale"));
    }
  }
}
