package dev.ocikit.cli;

import dev.ocikit.check.CheckKind;
import dev.ocikit.check.RuleCatalog;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.spec.requirement.RequirementCatalog;
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
  /**
   * One check.
   *
   * @param requirements ids of the catalogued requirements it covers
   */
  record Entry(
      String id,
      CheckKind kind,
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
    for (RuleCatalog.Entry e : RuleCatalog.entries()) {
      RuleInfo r = e.rule();
      List<String> requirements =
          switch (e.kind()) {
            case RULE -> catalog.forRule(r.id());
            case SCHEMA_KEYWORD ->
                schemaRequirements(r.id().substring("schema.".length()), catalog);
            case CONFORMANCE_TEST -> catalog.forTest(r.id());
          };
      all.add(
          new Entry(
              r.id(),
              e.kind(),
              r.level().name(),
              r.platform().id(),
              r.summary(),
              r.specUrl(),
              requirements));
    }
    return List.copyOf(all);
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
