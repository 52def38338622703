package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.LinuxCapabilities;
import dev.ocikit.spec.runtime.Capabilities;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * config.md "Linux process": one test per capability set, judged from {@code /proc/self/status} of
 * both observers: the shared one (uid 1000, all five sets equal) and {@link RootObservation} (root,
 * bounding = permitted = effective, smaller inheritable, smaller ambient), so a runtime that fills
 * one set from another fails.
 */
final class CapabilityTests {
  /** capabilities(7) names by bit number (linux/capability.h). */
  private static final List<String> BITS = LinuxCapabilities.ALL;

  private CapabilityTests() {}

  static List<SpecTest> all() {
    return List.of(
        set("ambient", "CapAmb", Capabilities::ambient),
        set("bounding", "CapBnd", Capabilities::bounding),
        set("effective", "CapEff", Capabilities::effective),
        set("inheritable", "CapInh", Capabilities::inheritable),
        set("permitted", "CapPrm", Capabilities::permitted));
  }

  private static SpecTest set(
      String name, String field, Function<Capabilities, List<String>> configured) {
    return of(
        "process.capabilities." + name,
        "config.md",
        "linux-process",
        Level.MUST,
        "the " + name + " capability set (" + field + ") is exactly capabilities." + name,
        ctx -> {
          List<String> want = new ArrayList<>();
          List<String> got = new ArrayList<>();
          boolean ok = true;
          for (Observation o : List.of(Observation.get(ctx), RootObservation.get(ctx).obs())) {
            String mask =
                String.format(
                    "%016x", mask(configured.apply(o.intended().process().capabilities())));
            String seen = o.status(field);
            ok &= mask.equals(seen);
            String who = "uid " + o.intended().process().user().uid() + ": ";
            want.add(who + field + " " + mask);
            got.add(who + field + " " + seen);
          }
          return Verdict.expect(ok, String.join("; ", want), String.join("; ", got));
        });
  }

  static long mask(List<String> names) {
    long m = 0;
    for (String cap : names) {
      int bit = BITS.indexOf(cap);
      if (bit < 0) {
        throw new IllegalArgumentException("no bit known for " + cap);
      }
      m |= 1L << bit;
    }
    return m;
  }
}
