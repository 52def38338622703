package dev.ocikit.conformance.suite;

import java.util.ArrayList;
import java.util.List;

/**
 * The judge shared by the mount option checks of {@link MountOptionRun}: what mountinfo must show
 * for an option, written as tokens, and the comparison with a control mount made without the
 * option. A token is {@code +x} or {@code -x} for a per-mount option present or absent (field 6 of
 * proc(5)'s mountinfo), {@code s+x}/{@code s-x} for a superblock option (the last field), {@code
 * t+x}/{@code t-x} for an optional field starting with x ({@code shared:}, {@code master:}, {@code
 * unbindable}). Pure functions of the observed lines, so they are unit-tested without root.
 */
final class MountExpect {
  private MountExpect() {}

  /** {@return the tokens of {@code wants} that {@code m} does not show} */
  static List<String> unmet(List<String> wants, MountInfo m) {
    List<String> bad = new ArrayList<>();
    for (String w : wants) {
      if (shows(w, m) != w.contains("+")) {
        bad.add(w);
      }
    }
    return bad;
  }

  private static boolean shows(String token, MountInfo m) {
    String x = token.substring(token.indexOf(token.contains("+") ? '+' : '-') + 1);
    return switch (token.charAt(0)) {
      case 's' -> m.superOptions().contains(x);
      case 't' -> m.tags().stream().anyMatch(t -> t.startsWith(x));
      default -> m.mountOptions().contains(x);
    };
  }

  /** {@return the tokens in words, for messages} */
  static String describe(List<String> wants) {
    List<String> words = new ArrayList<>();
    for (String w : wants) {
      boolean on = w.contains("+");
      String x = w.substring(w.indexOf(on ? '+' : '-') + 1);
      words.add(
          switch (w.charAt(0)) {
            case 's' -> (on ? "" : "no ") + x + " in the superblock options";
            case 't' -> (on ? "" : "no ") + x + " propagation field";
            default -> (on ? "" : "no ") + x;
          });
    }
    return String.join(", ", words);
  }

  /**
   * A failure when a mount at one of {@code dests} (planned mount destinations) was refused by
   * create or is missing from mountinfo at {@code points}, else null.
   */
  static Verdict notCreated(MountOptionRun run, List<String> dests, List<String> points) {
    for (String d : dests) {
      String why = run.refused().get(d);
      if (why != null) {
        return Verdict.fail("a config with the mount at " + d + " is created", "refused: " + why);
      }
    }
    for (String p : points) {
      if (MountInfo.last(run.mounts(), p) == null) {
        return Verdict.fail("a mount at " + p, "none in the container's mountinfo");
      }
    }
    return null;
  }

  /**
   * Judges the mounts at {@code points} against {@code wants}. With {@code controls} (the same
   * mounts made without the option, point by point), SKIPs when a control is missing or already
   * shows everything wanted: the option's effect could then not be told from the default.
   *
   * @param dests the planned destinations whose refusal fails the check
   */
  static Verdict judge(
      MountOptionRun run,
      List<String> dests,
      List<String> points,
      List<String> controls,
      List<String> wants) {
    Verdict missing = notCreated(run, dests, points);
    if (missing != null) {
      return missing;
    }
    if (!controls.isEmpty()) {
      List<String> seen = new ArrayList<>();
      boolean allShow = true;
      for (String c : controls) {
        MountInfo m = MountInfo.last(run.mounts(), c);
        if (m == null) {
          return Verdict.skip(
              "the control mount at "
                  + c
                  + " (without the option) is missing, so the option's"
                  + " effect cannot be told from the default");
        }
        seen.add(m.line());
        allShow &= unmet(wants, m).isEmpty();
      }
      if (allShow) {
        return Verdict.skip(
            "the control mount without the option already shows "
                + describe(wants)
                + " ("
                + String.join("; ", seen)
                + "), so the option's effect cannot be told apart");
      }
    }
    List<String> bad = new ArrayList<>();
    for (String p : points) {
      MountInfo m = MountInfo.last(run.mounts(), p);
      if (!unmet(wants, m).isEmpty()) {
        bad.add(m.line());
      }
    }
    return Verdict.expect(
        bad.isEmpty(),
        String.join(" and ", points) + ": " + describe(wants),
        String.join("; ", bad));
  }
}
