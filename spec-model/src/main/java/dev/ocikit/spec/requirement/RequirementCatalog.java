package dev.ocikit.spec.requirement;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every normative sentence of runtime-spec v1.3.0 and image-spec v1.1.1 the project knows, with
 * what checks it; read once from the catalog files shipped in this jar ({@code
 * ocikit/requirements/}, from the checkout's {@code requirements/} folder). Immutable and safe to
 * share between threads.
 *
 * <p>Dispositions live with the requirement (one place to read what covers a sentence); the
 * requirements a rule or test covers are the inverse, {@link #forRule} and {@link #forTest}.
 */
public final class RequirementCatalog {
  private static final class Holder {
    static final RequirementCatalog INSTANCE = load();
  }

  private final List<Requirement> all;
  private final Map<String, Requirement> byId;
  private final Map<String, List<String>> byRule;
  private final Map<String, List<String>> byTest;
  private final Map<String, List<String>> bySchemaLocation;

  private RequirementCatalog(List<Requirement> all) {
    this.all = List.copyOf(all);
    Map<String, Requirement> ids = new LinkedHashMap<>();
    Map<String, List<String>> rules = new HashMap<>();
    Map<String, List<String>> tests = new HashMap<>();
    Map<String, List<String>> schemas = new HashMap<>();
    for (Requirement r : all) {
      ids.put(r.id(), r);
      Disposition d = r.disposition();
      d.rules().forEach(x -> rules.computeIfAbsent(x, k -> new ArrayList<>()).add(r.id()));
      d.tests().forEach(x -> tests.computeIfAbsent(x, k -> new ArrayList<>()).add(r.id()));
      d.schemaLocations()
          .forEach(x -> schemas.computeIfAbsent(x, k -> new ArrayList<>()).add(r.id()));
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byRule = freeze(rules);
    this.byTest = freeze(tests);
    this.bySchemaLocation = freeze(schemas);
  }

  /** {@return the catalog shipped with the toolkit} */
  public static RequirementCatalog shipped() {
    return Holder.INSTANCE;
  }

  /** {@return every requirement, document by document in {@link SpecDocument} order, as written} */
  public List<Requirement> all() {
    return all;
  }

  /**
   * {@return the requirement with this id}
   *
   * @param id a requirement id, e.g. {@code rt.config.root.path}
   */
  public Optional<Requirement> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /**
   * Ids of the requirements that name rule {@code ruleId} as a check; empty when none.
   *
   * @param ruleId a rule id
   * @return the requirement ids, in catalog order
   */
  public List<String> forRule(String ruleId) {
    return byRule.getOrDefault(ruleId, List.of());
  }

  /**
   * Ids of the requirements that name conformance test {@code testId} as a check.
   *
   * @param testId a conformance test id
   * @return the requirement ids, in catalog order; empty when none
   */
  public List<String> forTest(String testId) {
    return byTest.getOrDefault(testId, List.of());
  }

  /**
   * Ids of the requirements enforced at a schema location, {@code <folder>/<file>#<pointer>} (e.g.
   * {@code runtime-spec/defs.schema.json#/$defs/UID}).
   *
   * @param location the schema location
   * @return the requirement ids, in catalog order; empty when none
   */
  public List<String> forSchemaLocation(String location) {
    return bySchemaLocation.getOrDefault(location, List.of());
  }

  /** {@return every schema location some requirement names} */
  public java.util.Set<String> schemaLocations() {
    return bySchemaLocation.keySet();
  }

  private static RequirementCatalog load() {
    List<Requirement> all = new ArrayList<>();
    for (SpecDocument doc : SpecDocument.values()) {
      try (InputStream in =
          RequirementCatalog.class.getClassLoader().getResourceAsStream(doc.resource())) {
        if (in == null) {
          throw new IllegalStateException("requirement catalog: " + doc.resource() + " missing");
        }
        all.addAll(parse(doc, new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new RequirementCatalog(all);
  }

  /**
   * {@return a catalog of exactly these requirements (tests build small ones)}
   *
   * @param requirements the requirements, in order
   */
  public static RequirementCatalog of(List<Requirement> requirements) {
    return new RequirementCatalog(requirements);
  }

  /**
   * Reads one catalog file of {@code doc}: tab-separated id, anchor, keyword, summary, disposition;
   * {@code #} starts a comment line.
   *
   * @param doc the spec document the file covers
   * @param text the file's content
   * @return the requirements, in file order
   * @throws IllegalArgumentException naming the line and what is wrong with it
   * @throws IOException if reading {@code text} fails
   */
  public static List<Requirement> parse(SpecDocument doc, Reader text) throws IOException {
    List<Requirement> out = new ArrayList<>();
    BufferedReader lines = new BufferedReader(text);
    String line;
    int n = 0;
    while ((line = lines.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(CatalogLine.parse(doc, line));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(doc.resource() + ":" + n + ": " + e.getMessage(), e);
      }
    }
    return out;
  }

  private static Map<String, List<String>> freeze(Map<String, List<String>> m) {
    Map<String, List<String>> out = new HashMap<>();
    m.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return Collections.unmodifiableMap(out);
  }
}
