package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The complying-runtime pass the judge tests share: every judge of a table on one context. */
final class JudgeRuns {
  private JudgeRuns() {}

  /**
   * Runs the registered judge of each id in {@code ids} on {@code ctx}, then cleans the context up,
   * and lists every id whose outcome is not {@code want}'s for it (a null want leaves the id out)
   * as {@code "id: verdict"}.
   */
  static List<String> misjudged(
      Context ctx, Collection<String> ids, Function<String, Verdict.Outcome> want)
      throws Exception {
    List<String> wrong = new ArrayList<>();
    try {
      for (String id : ids) {
        Verdict.Outcome w = want.apply(id);
        if (w == null) {
          continue;
        }
        Verdict v = ObservationJudgeTest.test(id).body().run(ctx);
        if (v.outcome() != w) {
          wrong.add(id + ": " + v);
        }
      }
    } finally {
      ctx.cleanup();
    }
    return wrong;
  }
}
