package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.ConfigRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * No spec sentence: capabilities(7) only lets a capability into the ambient set when it is both
 * permitted and inheritable (PR_CAP_AMBIENT_RAISE fails with EPERM otherwise).
 *
 * <p>A config without an inheritable set is left alone: that is what {@code runc spec} writes since
 * inheritable capabilities were dropped from its default (CVE-2022-29162), and runc tolerates the
 * ambient entries there. Warning on runc's own default would be noise.
 */
public final class AmbientWithinPermittedAndInheritable implements ConfigRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "process.capabilities.ambient-within-permitted-and-inheritable",
          Level.ADVICE,
          "Every ambient capability is in both the permitted and the inheritable set.",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(ConfigContext ctx) {
    if (ctx.config().process() == null || ctx.config().process().capabilities() == null) {
      return;
    }
    Capabilities c = ctx.config().process().capabilities();
    if (c.ambient() == null || c.inheritable() == null) {
      return;
    }
    Set<String> permitted = new HashSet<>(c.permitted() == null ? List.of() : c.permitted());
    Set<String> inheritable = new HashSet<>(c.inheritable());
    for (int i = 0; i < c.ambient().size(); i++) {
      String cap = c.ambient().get(i);
      if (cap == null) {
        continue;
      }
      List<String> missing = new ArrayList<>();
      if (!permitted.contains(cap)) {
        missing.add("permitted");
      }
      if (!inheritable.contains(cap)) {
        missing.add("inheritable");
      }
      if (!missing.isEmpty()) {
        ctx.report(
            INFO,
            "/process/capabilities/ambient/" + i,
            "advice: process.capabilities.ambient["
                + i
                + "]=\""
                + cap
                + "\" is not in process.capabilities."
                + String.join(" nor in process.capabilities.", missing)
                + "; the kernel will not raise it");
      }
    }
  }
}
