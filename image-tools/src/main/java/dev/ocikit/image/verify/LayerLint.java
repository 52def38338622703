package dev.ocikit.image.verify;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks the entry names of one layer as they stream past: duplicate paths, bare {@code .wh.}
 * whiteouts, absolute names and {@code ..} components. Collects at most a few findings per rule so
 * a hostile layer cannot flood the report.
 */
final class LayerLint {
  static final int MAX_PER_RULE = 5;

  /** One problem: the rule and the entry name it concerns. */
  record Problem(dev.ocikit.validate.RuleInfo rule, String unsafeName, String why) {}

  private final Set<String> seen = new HashSet<>();
  private final List<Problem> problems = new ArrayList<>();
  private int duplicates;
  private int bare;
  private int unsafe;

  /** Looks at one entry name as written in the tar header. */
  void entry(String unsafeName) {
    String path = normalize(unsafeName);
    if (unsafeName.startsWith("/") || hasDotDot(unsafeName)) {
      if (unsafe++ < MAX_PER_RULE) {
        problems.add(
            new Problem(
                ImageRules.LAYER_ENTRY_SAFE_NAME,
                unsafeName,
                unsafeName.startsWith("/") ? "is absolute" : "has a .. component"));
      }
    }
    String base = path.substring(path.lastIndexOf('/') + 1);
    if (base.equals(".wh.") && bare++ < MAX_PER_RULE) {
      problems.add(
          new Problem(
              ImageRules.LAYER_WHITEOUT_BARE,
              unsafeName,
              "is a whiteout without the basename it should delete"));
    }
    if (!path.isEmpty() && !seen.add(path) && duplicates++ < MAX_PER_RULE) {
      problems.add(
          new Problem(
              ImageRules.LAYER_ENTRY_UNIQUE,
              unsafeName,
              "appears more than once (as " + path + ")"));
    }
  }

  List<Problem> problems() {
    return problems;
  }

  /** The path an entry denotes: no leading / or ./, no trailing /, no . components. */
  static String normalize(String unsafeName) {
    StringBuilder out = new StringBuilder();
    for (String part : unsafeName.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (out.length() > 0) {
        out.append('/');
      }
      out.append(part);
    }
    return out.toString();
  }

  private static boolean hasDotDot(String unsafeName) {
    for (String part : unsafeName.split("/")) {
      if (part.equals("..")) {
        return true;
      }
    }
    return false;
  }
}
