package dev.ocikit.cli;

import dev.ocikit.conformance.suite.Registry;
import dev.ocikit.conformance.suite.SpecTest;
import dev.ocikit.image.verify.ImageRules;
import dev.ocikit.spec.requirement.RequirementCatalog;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.CoreRules;
import dev.ocikit.validate.rules.RuleRegistry;
import dev.ocikit.validate.schema.SchemaKeywords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Every id a report of the toolkit can show, with what it checks and the spec requirements behind
 * it: bundle and document rules, image rules, schema keywords and conformance tests. {@code
 * explain} and the coverage checks read it.
 */
final class CheckIndex {
  /** What kind of check an id names. */
  enum Kind {
    RULE("rule"),
    IMAGE_RULE("image rule"),
    SCHEMA("schema keyword"),
    CONFORMANCE("conformance test");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One check.
   *
   * @param requirements ids of the catalogued requirements it covers
   */
  record Entry(
      String id,
      Kind kind,
      String level,
      String platform,
      String summary,
      String specUrl,
      List<String> requirements) {}

  private static final class Holder {
    static final List<Entry> ALL = build();
  }

  private CheckIndex() {}

  /** Every check, sorted by id. */
  static List<Entry> all() {
    return Holder.ALL;
  }

  /** The check with this id. */
  static Optional<Entry> find(String id) {
    return all().stream().filter(e -> e.id().equals(id)).findFirst();
  }

  private static List<Entry> build() {
    RequirementCatalog catalog = RequirementCatalog.shipped();
    List<Entry> all = new ArrayList<>();
    for (RuleInfo r : RuleRegistry.catalog()) {
      all.add(rule(r, Kind.RULE, catalog));
    }
    // image document rules are in both catalogs: they count once, as image rules
    java.util.Set<String> image = new java.util.HashSet<>();
    for (RuleInfo r : ImageRules.all()) {
      all.add(rule(r, Kind.IMAGE_RULE, catalog));
      image.add(r.id());
    }
    all.removeIf(e -> e.kind() == Kind.RULE && image.contains(e.id()));
    for (String keyword : SchemaKeywords.used()) {
      RuleInfo r = CoreRules.schemaRule(keyword, "https://json-schema.org/draft/2020-12");
      all.add(
          new Entry(
              r.id(),
              Kind.SCHEMA,
              r.level().name(),
              r.platform(),
              r.summary(),
              r.specUrl(),
              schemaRequirements(keyword, catalog)));
    }
    for (SpecTest t : Registry.all()) {
      all.add(
          new Entry(
              t.id(),
              Kind.CONFORMANCE,
              t.level().name(),
              "linux",
              t.title(),
              t.url(),
              catalog.forTest(t.id())));
    }
    all.sort(Comparator.comparing(Entry::id).thenComparing(Entry::kind));
    return List.copyOf(all);
  }

  private static Entry rule(RuleInfo r, Kind kind, RequirementCatalog catalog) {
    return new Entry(
        r.id(),
        kind,
        r.level().name(),
        r.platform(),
        r.summary(),
        r.specUrl(),
        catalog.forRule(r.id()));
  }

  /** Requirements whose schema location holds {@code keyword} itself or in what it refers to. */
  private static List<String> schemaRequirements(String keyword, RequirementCatalog catalog) {
    List<String> ids = new ArrayList<>();
    for (String location : catalog.schemaLocations()) {
      Optional<JsonNode> node = SchemaLocations.resolve(location);
      if (node.isPresent() && SchemaLocations.uses(location, node.get(), keyword)) {
        ids.addAll(catalog.forSchemaLocation(location));
      }
    }
    ids.sort(Comparator.naturalOrder());
    return ids;
  }
}
