package dev.ocikit.spec.requirement;

import dev.ocikit.spec.requirement.Disposition.Kind;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** docs/spec-coverage.md as text, rendered from a {@link RequirementCatalog}. */
public final class SpecCoverage {
  private SpecCoverage() {}

  /**
   * {@return the Markdown coverage report of {@code catalog}}
   *
   * @param catalog the catalog to count
   */
  public static String markdown(RequirementCatalog catalog) {
    StringBuilder s = new StringBuilder();
    s.append("# Spec coverage\n\n");
    s.append("<!-- Generated from requirements/*/*.tsv by SpecCoverageTest; do not edit.\n")
        .append("     Regenerate: mvn -o -pl cli -am test -Dtest=SpecCoverageTest")
        .append(" -Dsurefire.failIfNoSpecifiedTests=false -Docikit.regenerate=true -->\n\n");
    s.append("Every sentence of runtime-spec v1.3.0 and image-spec v1.1.1 that carries an ")
        .append("RFC 2119 keyword has one entry in `requirements/` (a sentence with two keywords ")
        .append("has one per keyword): a stable id, its section, the keyword, a paraphrase in our ")
        .append("words, and its disposition. A requirement is checked by a *rule* of ")
        .append("`oci-validate` (see [rules.md](rules.md)), a *test* of `oci-tool conformance` ")
        .append("(see [conformance.md](conformance.md)) or a *schema* keyword of `schemas/`; ")
        .append("a requirement on what a consumer of images does (unpacking a layer, converting ")
        .append("an image to a bundle) that our own `oci-tool unpack`/`bundle` follow is ")
        .append("*implemented*, with the test class that pins it; ")
        .append("*untestable* ones say why no outside observer can check them; *to do* ones say ")
        .append("what would check them. Findings and conformance results carry the ids of the ")
        .append("requirements behind them. A requirement counts under its most direct check: ")
        .append("rule, then test, then schema, then implemented.\n\n");
    s.append("## Summary\n\n");
    s.append(header("Document"));
    Map<Kind, Integer> total = new EnumMap<>(Kind.class);
    int all = 0;
    for (SpecDocument doc : SpecDocument.values()) {
      List<Requirement> reqs = of(catalog, doc);
      s.append(row("[" + doc.label() + "](#" + slug(doc.label()) + ")", reqs));
      for (Requirement r : reqs) {
        total.merge(r.disposition().kind(), 1, Integer::sum);
      }
      all += reqs.size();
    }
    s.append(row("**all**", catalog.all()));
    int checked = catalog.all().size() - count(total, Kind.UNTESTABLE) - count(total, Kind.TODO);
    s.append("\n")
        .append(all)
        .append(" requirements; ")
        .append(checked)
        .append(" checked, ")
        .append(count(total, Kind.UNTESTABLE))
        .append(" argued untestable, ")
        .append(count(total, Kind.TODO))
        .append(" not checked yet.\n");
    for (SpecDocument doc : SpecDocument.values()) {
      document(s, doc, of(catalog, doc));
    }
    return s.toString();
  }

  private static void document(StringBuilder s, SpecDocument doc, List<Requirement> reqs) {
    s.append("\n## ").append(doc.label()).append("\n\n");
    s.append("[").append(doc.file()).append("](").append(doc.url("")).append(")\n\n");
    if (reqs.isEmpty()) {
      s.append("No requirements catalogued yet.\n");
      return;
    }
    s.append(header("Section"));
    Map<String, List<Requirement>> sections = new LinkedHashMap<>();
    reqs.forEach(
        r -> sections.computeIfAbsent(r.anchor(), k -> new java.util.ArrayList<>()).add(r));
    sections.forEach(
        (anchor, rs) -> s.append(row("[" + anchor + "](" + doc.url(anchor) + ")", rs)));
    s.append("\n| Requirement | Keyword | Summary | Disposition |\n|---|---|---|---|\n");
    for (Requirement r : reqs) {
      s.append("| [`")
          .append(r.id())
          .append("`](")
          .append(r.url())
          .append(") | ")
          .append(r.keyword().text())
          .append(" | ")
          .append(cell(r.summary()))
          .append(" | ")
          .append(cell(disposition(r.disposition())))
          .append(" |\n");
    }
  }

  private static String disposition(Disposition d) {
    if (d.untestable() != null) {
      return "untestable: " + d.untestable();
    }
    if (d.todo() != null) {
      return "**to do**: " + d.todo();
    }
    StringBuilder s = new StringBuilder();
    d.rules().forEach(r -> s.append(s.length() == 0 ? "" : ", ").append("rule `" + r + "`"));
    d.tests().forEach(t -> s.append(s.length() == 0 ? "" : ", ").append("test `" + t + "`"));
    d.schemaLocations()
        .forEach(l -> s.append(s.length() == 0 ? "" : ", ").append("schema `" + l + "`"));
    d.implementedBy()
        .forEach(t -> s.append(s.length() == 0 ? "" : ", ").append("implemented, `" + t + "`"));
    return s.toString();
  }

  private static String header(String first) {
    return "| "
        + first
        + " | all | MUST | SHOULD | MAY | rule | test | schema | implemented | untestable | to do |\n"
        + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
  }

  private static String row(String label, List<Requirement> reqs) {
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    Map<String, Integer> strength = new LinkedHashMap<>();
    for (Requirement r : reqs) {
      kinds.merge(r.disposition().kind(), 1, Integer::sum);
      strength.merge(r.keyword().strength(), 1, Integer::sum);
    }
    StringBuilder s = new StringBuilder("| ").append(label).append(" | ").append(reqs.size());
    for (String k : List.of("MUST", "SHOULD", "MAY")) {
      s.append(" | ").append(strength.getOrDefault(k, 0));
    }
    for (Kind k : Kind.values()) {
      s.append(" | ").append(count(kinds, k));
    }
    return s.append(" |\n").toString();
  }

  private static List<Requirement> of(RequirementCatalog catalog, SpecDocument doc) {
    return catalog.all().stream().filter(r -> r.document() == doc).toList();
  }

  private static int count(Map<Kind, Integer> m, Kind k) {
    return m.getOrDefault(k, 0);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** GitHub's heading anchor for a label like {@code runtime-spec/config.md}. */
  private static String slug(String label) {
    return label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9 -]", "");
  }
}
