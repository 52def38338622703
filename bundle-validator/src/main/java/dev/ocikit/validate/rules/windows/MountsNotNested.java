package dev.ocikit.validate.rules.windows;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Mount;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.List;
import java.util.Locale;

/**
 * config.md mounts destination, Windows: "One mount destination MUST NOT be nested within another
 * mount (e.g., c:\foo and c:\foo\bar)." Windows paths compare case-insensitively with either
 * separator; two mounts at the same destination are reported too, since neither can contain the
 * other's mount point.
 */
public final class MountsNotNested implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "windows.mounts.destination.nested",
          Level.MUST,
          "No Windows mount destination lies within (or equals) another.",
          SpecLinks.config("mounts"),
          Platform.WINDOWS);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    List<Mount> mounts = ctx.config().mounts();
    if (mounts == null) {
      return;
    }
    for (int i = 0; i < mounts.size(); i++) {
      String inner = key(mounts.get(i));
      for (int j = 0; inner != null && j < mounts.size(); j++) {
        String outer = key(mounts.get(j));
        if (i == j || outer == null) {
          continue;
        }
        boolean same = inner.equals(outer);
        if ((same && j < i) || (!same && inner.startsWith(outer + "\\"))) {
          ctx.report(
              INFO,
              "/mounts/" + i + "/destination",
              "mounts["
                  + i
                  + "].destination=\""
                  + mounts.get(i).destination()
                  + "\" "
                  + (same ? "is the same as" : "lies within")
                  + " mounts["
                  + j
                  + "].destination=\""
                  + mounts.get(j).destination()
                  + "\"");
          break;
        }
      }
    }
  }

  /** The destination lower-cased, with backslashes and no trailing separator. */
  private static String key(Mount m) {
    if (m == null || m.destination() == null || m.destination().isEmpty()) {
      return null;
    }
    String d = m.destination().replace('/', '\\').toLowerCase(Locale.ROOT);
    while (d.endsWith("\\") && d.length() > 3) {
      d = d.substring(0, d.length() - 1);
    }
    return d;
  }
}
