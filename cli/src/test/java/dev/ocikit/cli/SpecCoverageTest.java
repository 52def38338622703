package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.CheckKind;
import dev.ocikit.spec.requirement.Disposition;
import dev.ocikit.spec.requirement.Requirement;
import dev.ocikit.spec.requirement.RequirementCatalog;
import dev.ocikit.spec.requirement.SpecCoverage;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.spec.testing.GeneratedDocs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The requirement catalog and the checks agree: every check a requirement names exists, every rule
 * and conformance test covers some requirement, and docs/spec-coverage.md is current. Run with
 * {@code -Docikit.regenerate=true} to rewrite the document.
 */
class SpecCoverageTest {
  private static final RequirementCatalog CATALOG = RequirementCatalog.shipped();

  /** Checks with no spec sentence behind them, and why they exist anyway. */
  private static final java.util.Map<String, String> NO_SENTENCE =
      java.util.Map.of(
          "image.index.nesting",
          "a limit of the toolkit (like json.limit): bounded work on hostile layouts",
          "image.empty.content",
          "the empty media type's content is defined by example, in a section without a keyword",
          "lifecycle.pid-file",
          "runc's --pid-file convention, which every runc-style runtime follows and shims use");

  @Test
  void everyCheckARequirementNamesExists() throws IOException {
    Set<String> rules = ids(CheckKind.RULE);
    Set<String> tests = ids(CheckKind.CONFORMANCE_TEST);
    Set<String> testClasses = testClasses();
    List<String> wrong = new ArrayList<>();
    for (Requirement r : CATALOG.all()) {
      Disposition d = r.disposition();
      d.rules().stream()
          .filter(x -> !rules.contains(x))
          .forEach(x -> wrong.add(r.id() + ": rule " + x));
      d.tests().stream()
          .filter(x -> !tests.contains(x))
          .forEach(x -> wrong.add(r.id() + ": test " + x));
      d.schemaLocations().stream()
          .filter(x -> SchemaLocations.resolve(x).isEmpty())
          .forEach(x -> wrong.add(r.id() + ": schema " + x));
      d.implementedBy().stream()
          .filter(x -> !testClasses.contains(x))
          .forEach(x -> wrong.add(r.id() + ": test class " + x));
    }
    assertEquals(List.of(), wrong, "requirements naming checks that do not exist");
  }

  /**
   * A rule that speaks for a spec sentence (not advice, not a JSON-grammar rule from an RFC) and
   * every conformance test cite at least one requirement.
   */
  @Test
  void everyRuleAndTestCoversARequirement() {
    List<String> uncited =
        CheckIndex.all().stream()
            .filter(e -> e.kind() != CheckKind.SCHEMA_KEYWORD)
            .filter(e -> !e.level().equals("ADVICE"))
            .filter(e -> e.specUrl() != null && e.specUrl().contains("github.com/opencontainers/"))
            .filter(e -> e.requirements().isEmpty())
            .filter(e -> !NO_SENTENCE.containsKey(e.id()))
            .map(e -> e.kind().label() + " " + e.id())
            .toList();
    assertEquals(List.of(), uncited, "checks no requirement in requirements/ names");
    List<String> stale =
        NO_SENTENCE.keySet().stream()
            .filter(id -> CheckIndex.find(id).map(e -> !e.requirements().isEmpty()).orElse(true))
            .toList();
    assertEquals(List.of(), stale, "exempted checks that are gone or now cite a requirement");
  }

  @Test
  void everyRequirementHasADisposition() {
    for (Requirement r : CATALOG.all()) {
      Disposition d = r.disposition();
      assertTrue(d.checked() || d.untestable() != null || d.todo() != null, r.id() + " has none");
    }
  }

  @Test
  void committedCoverageMatchesTheCatalog() throws IOException {
    GeneratedDocs.assertCurrent(
        "spec-coverage.md",
        SpecCoverage.markdown(CATALOG),
        "requirements/",
        "mvn -o -pl cli -am test -Dtest=SpecCoverageTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Docikit.regenerate=true");
  }

  private static Set<String> ids(CheckKind... kinds) {
    Set<CheckKind> wanted = Set.of(kinds);
    return CheckIndex.all().stream()
        .filter(e -> wanted.contains(e.kind()))
        .map(CheckIndex.Entry::id)
        .collect(Collectors.toSet());
  }

  /** Simple names of every test class in the checkout. */
  private static Set<String> testClasses() throws IOException {
    try (Stream<Path> files = Files.walk(Checkout.root(), 12)) {
      return files
          .filter(p -> p.toString().contains("/src/test/java/"))
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".java"))
          .map(n -> n.substring(0, n.length() - ".java".length()))
          .collect(Collectors.toSet());
    }
  }
}
