package dev.ocikit.cli;

import dev.ocikit.check.CheckKind;
import dev.ocikit.cli.support.Errors;
import dev.ocikit.cli.support.Verbosity;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.requirement.Requirement;
import dev.ocikit.spec.requirement.RequirementCatalog;
import dev.ocikit.validate.rules.RuleExamples;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code oci-tool explain ID}: what a rule, schema keyword or conformance test checks, how binding
 * it is, where the spec says so, the catalogued requirements behind it and, for rules that have
 * them, a passing and a failing example (shipped in the jars). {@code --list} lists every id a
 * report can show.
 */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Explain a check (rule, schema keyword or conformance test): level, platform, summary,"
            + " spec link, the spec requirements it covers and examples; or list them all.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:explained or listed", "2:unknown id, or neither an id nor --list"})
public final class Explain implements Callable<Integer> {
  /** How many requirement lines one explanation prints before pointing at the coverage doc. */
  private static final int SHOWN_REQUIREMENTS = 12;

  @Spec CommandLine.Model.CommandSpec spec;

  @Mixin Verbosity verbosity = new Verbosity();

  @Parameters(
      paramLabel = "ID",
      arity = "0..1",
      description = "A check id, e.g. process.cwd.absolute, schema.minimum, lifecycle.start-twice.")
  String id;

  @Option(names = "--list", description = "List every check id a report can show.")
  boolean list;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "With --list: text (default) or json.")
  String format = "text";

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!format.equals("text") && !format.equals("json")) {
      return Errors.usage(spec, "unknown --format '" + format + "'; use text or json");
    }
    if (list) {
      out.print(format.equals("json") ? json() : table());
      out.flush();
      return 0;
    }
    if (id == null) {
      return Errors.usage(spec, "name a check id, or use --list");
    }
    Optional<CheckIndex.Entry> entry = CheckIndex.find(id);
    if (entry.isEmpty()) {
      Errors.usage(spec, "unknown check id '" + id + "'");
      List<String> close = closeMatches(id, CheckIndex.all());
      err.println(
          close.isEmpty()
              ? "Run 'oci-tool explain --list' for every id."
              : "Did you mean: " + String.join(", ", close));
      return Errors.USAGE_OR_UNREADABLE;
    }
    explain(out, entry.get());
    out.flush();
    return 0;
  }

  private static void explain(PrintWriter out, CheckIndex.Entry e) {
    out.println(e.id());
    out.println("  kind:     " + e.kind().label());
    out.println("  level:    " + e.level());
    out.println("  platform: " + e.platform());
    out.println("  summary:  " + e.summary());
    out.println("  spec:     " + e.specUrl());
    List<String> reqs = e.requirements();
    if (reqs.isEmpty()) {
      out.println("  requirements: none catalogued (advice, or a limit of the toolkit)");
    } else {
      out.println("  requirements:");
      RequirementCatalog catalog = RequirementCatalog.shipped();
      for (String rid : reqs.subList(0, Math.min(reqs.size(), SHOWN_REQUIREMENTS))) {
        Requirement r = catalog.byId(rid).orElseThrow();
        out.println("    " + rid + " (" + r.keyword().text() + "): " + r.summary());
      }
      if (reqs.size() > SHOWN_REQUIREMENTS) {
        out.println(
            "    … and "
                + (reqs.size() - SHOWN_REQUIREMENTS)
                + " more; every requirement is listed in docs/spec-coverage.md");
      }
    }
    Optional<RuleExamples> examples =
        e.kind() == CheckKind.RULE ? RuleExamples.of(e.id()) : Optional.empty();
    if (examples.isPresent()) {
      example(out, "passes", examples.get().good());
      example(out, "fails", examples.get().bad());
    } else {
      out.println("  examples: none shipped for this " + e.kind().label());
    }
  }

  private static void example(PrintWriter out, String verdict, String text) {
    out.println();
    out.println("Example that " + verdict + ":");
    text.lines().forEach(line -> out.println("  " + line));
  }

  private static String table() {
    StringBuilder s = new StringBuilder();
    for (CheckIndex.Entry e : CheckIndex.all()) {
      s.append(
          String.format(
              Locale.ROOT,
              "%-48s %-16s %-6s %s%n",
              e.id(),
              e.kind().label(),
              e.level(),
              e.summary()));
    }
    return s.toString();
  }

  private static String json() {
    ArrayNode all = JsonNodeFactory.instance.arrayNode();
    for (CheckIndex.Entry e : CheckIndex.all()) {
      ObjectNode o = all.addObject();
      o.put("id", e.id());
      o.put("kind", e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      o.put("level", e.level());
      o.put("platform", e.platform());
      o.put("summary", e.summary());
      o.put("specUrl", e.specUrl());
      e.requirements().forEach(o.putArray("requirements")::add);
    }
    return new String(JsonWriter.pretty(all), StandardCharsets.UTF_8);
  }

  /** Up to five ids that contain the query or are a few edits away from it, nearest first. */
  static List<String> closeMatches(String query, List<CheckIndex.Entry> checks) {
    String q = query.toLowerCase(Locale.ROOT);
    return checks.stream()
        .map(CheckIndex.Entry::id)
        .distinct()
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
