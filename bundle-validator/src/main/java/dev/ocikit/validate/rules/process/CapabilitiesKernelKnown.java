package dev.ocikit.validate.rules.process;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.runtime.Capabilities;
import dev.ocikit.validate.host.Host;
import dev.ocikit.validate.rules.ConfigContext;
import dev.ocikit.validate.rules.HostRule;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * config.md Linux process capabilities: a value that "cannot be mapped to a relevant kernel
 * interface ... MUST be logged as a warning by the runtime. Runtimes SHOULD NOT fail", so a
 * capability newer than the running kernel (number above /proc/sys/kernel/cap_last_cap) is advice.
 */
public final class CapabilitiesKernelKnown extends HostRule {
  static final RuleInfo INFO =
      new RuleInfo(
          "host.capabilities.kernel-known",
          Level.ADVICE,
          "Every capability is known to the running kernel (numbered at most cap_last_cap).",
          SpecLinks.config("linux-process"),
          Platform.LINUX);

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  protected void check(ConfigContext ctx, Host host) {
    Capabilities c = ctx.config().process() == null ? null : ctx.config().process().capabilities();
    OptionalInt last = c == null ? OptionalInt.empty() : host.lastCapability();
    if (last.isEmpty()) {
      return;
    }
    for (Map.Entry<String, List<String>> set : CapabilityNames.sets(c).entrySet()) {
      List<String> names = set.getValue();
      for (int i = 0; i < names.size(); i++) {
        int number = CapabilityNames.BY_NUMBER.indexOf(names.get(i));
        if (number > last.getAsInt()) {
          ctx.report(
              INFO,
              "/process/capabilities/" + set.getKey() + "/" + i,
              "advice: process.capabilities."
                  + set.getKey()
                  + "["
                  + i
                  + "]="
                  + names.get(i)
                  + " is capability "
                  + number
                  + " but this kernel's cap_last_cap is "
                  + last.getAsInt()
                  + "; the runtime will skip it");
        }
      }
    }
  }
}
