package dev.ocikit.cli;

import dev.ocikit.spec.file.InputFile;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oci-tool explain RULE_ID}: what a rule checks, how binding it is, where the spec says so,
 * and — when run from a source checkout — its good and bad example configs from
 * testdata/rules/RULE_ID/. Outside a checkout the examples are not shipped, and the command says so
 * instead of printing nothing.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Explain a validation rule: level, platform, summary, spec link and examples.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the rule was explained", "2:unknown rule id"})
public final class Explain implements Callable<Integer> {
  @Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "RULE_ID", description = "A rule id, e.g. process.cwd.absolute.")
  String ruleId;

  @Override
  public Integer call() throws IOException {
    List<RuleInfo> catalog = new java.util.ArrayList<>(RuleRegistry.catalog());
    catalog.addAll(dev.ocikit.image.verify.ImageRules.all());
    Optional<RuleInfo> rule = catalog.stream().filter(r -> r.id().equals(ruleId)).findFirst();
    if (rule.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("explain: unknown rule id '" + ruleId + "'");
      List<String> close = closeMatches(ruleId, catalog);
      err.println(
          close.isEmpty()
              ? "Run 'oci-tool explain --help'; the rules are listed in docs/rules.md."
              : "Did you mean: " + String.join(", ", close));
      return 2;
    }
    RuleInfo info = rule.get();
    PrintWriter out = spec.commandLine().getOut();
    out.println(info.id());
    out.println("  level:    " + info.level());
    out.println("  platform: " + info.platform());
    out.println("  summary:  " + info.summary());
    out.println("  spec:     " + info.specUrl());
    Optional<Path> fixtures = fixtures(info.id());
    if (fixtures.isEmpty()) {
      out.println(
          "  examples: none here (they live in testdata/rules/"
              + info.id()
              + "/ of a source checkout)");
    } else {
      Path dir = fixtures.get();
      printExample(out, "passes", dir.resolve("good.json"));
      printExample(out, "fails", dir.resolve("bad.json"));
    }
    out.flush();
    return 0;
  }

  private static void printExample(PrintWriter out, String verdict, Path file) throws IOException {
    out.println();
    out.println("Example that " + verdict + " (" + file + "):");
    for (String line : InputFile.readLines(file, 1 << 20)) {
      out.println("  " + line);
    }
  }

  /**
   * testdata/rules/ID of the checkout the launcher runs from ({@code ocikit.home}), or in the
   * current directory or one above it.
   */
  static Optional<Path> fixtures(String id) {
    String home = System.getProperty("ocikit.home");
    if (home != null) {
      Path candidate = Path.of(home).resolve("testdata/rules").resolve(id);
      if (Files.isRegularFile(candidate.resolve("bad.json"))) {
        return Optional.of(candidate);
      }
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolve("testdata/rules").resolve(id);
      if (Files.isRegularFile(candidate.resolve("bad.json"))) {
        return Optional.of(Path.of("").toAbsolutePath().relativize(candidate));
      }
      dir = dir.getParent();
    }
    return Optional.empty();
  }

  /** Up to five ids that contain the query or are a few edits away from it, nearest first. */
  static List<String> closeMatches(String query, List<RuleInfo> catalog) {
    String q = query.toLowerCase(Locale.ROOT);
    return catalog.stream()
        .map(RuleInfo::id)
        .filter(
            id ->
                id.contains(q) || q.contains(id) || distance(id, q) <= Math.max(3, q.length() / 4))
        .sorted(Comparator.comparingInt((String id) -> distance(id, q)).thenComparing(id -> id))
        .limit(5)
        .toList();
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
