package dev.ocikit.conformance.suite;

import static dev.ocikit.conformance.suite.SpecTest.of;

import dev.ocikit.check.Level;
import dev.ocikit.spec.runtime.Rlimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * config.md "POSIX process": one test per Linux rlimit type, each judging the soft and hard limit
 * in the observer's {@code /proc/self/limits} against the config. The values come from {@link
 * RlimitChoice}, so a runtime that ignores an rlimit shows the inherited limits and fails.
 */
final class RlimitTests {
  private RlimitTests() {}

  static List<SpecTest> all() {
    List<SpecTest> t = new ArrayList<>();
    for (String type : RlimitChoice.TYPES.keySet()) {
      t.add(
          of(
              "process.rlimits." + type.substring(7).toLowerCase(Locale.ROOT),
              "config.md",
              "posix-process",
              Level.MUST,
              type + " soft and hard limits are as configured",
              ctx -> judge(ctx, type)));
    }
    return t;
  }

  private static Verdict judge(Context ctx, String type) throws Exception {
    RootObservation root = RootObservation.get(ctx);
    // The shared observer sets RLIMIT_NOFILE for a non-root process too.
    List<Observation> runs =
        type.equals("RLIMIT_NOFILE")
            ? List.of(Observation.get(ctx), root.obs())
            : List.of(root.obs());
    String label = RlimitChoice.TYPES.get(type);
    List<String> want = new ArrayList<>();
    List<String> got = new ArrayList<>();
    boolean ok = true;
    for (Observation o : runs) {
      Rlimit r =
          o.intended().process().rlimits().stream()
              .filter(x -> type.equals(x.type()))
              .findFirst()
              .orElse(null);
      if (r == null) {
        continue;
      }
      long soft = Long.parseUnsignedLong(r.soft().toString());
      long hard = Long.parseUnsignedLong(r.hard().toString());
      String line = "<no \"" + label + "\" line>";
      long[] seen = null;
      for (JsonNode l : o.seen().path("limits")) {
        long[] v = RlimitChoice.parse(l.asString(), label);
        if (v != null) {
          line = l.asString().strip();
          seen = v;
        }
      }
      ok &= seen != null && seen[0] == soft && seen[1] == hard;
      want.add("soft " + Long.toUnsignedString(soft) + " hard " + Long.toUnsignedString(hard));
      got.add(line);
    }
    if (want.isEmpty()) {
      return Verdict.skip(type + " not configured: " + root.rlimitSkips().get(type));
    }
    return Verdict.expect(ok, String.join("; ", want), String.join("; ", got));
  }
}
