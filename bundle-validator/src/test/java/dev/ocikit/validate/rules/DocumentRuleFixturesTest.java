package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.validate.DocumentValidator;
import dev.ocikit.validate.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Two-way fixture tests for every state and features rule, as {@link RuleFixturesTest} does for
 * config rules: bad.json raises exactly the rule at the expected pointer, good.json nothing (at any
 * level, schema included).
 */
class DocumentRuleFixturesTest {
  private static final DocumentValidator VALIDATOR = new DocumentValidator(RuleFixtures.ALL_LEVELS);

  @TestFactory
  Stream<DynamicContainer> everyDocumentRule() {
    return RuleRegistry.documentRules().stream()
        .map(
            rule -> {
              String id = rule.info().id();
              return DynamicContainer.dynamicContainer(
                  id,
                  List.of(
                      DynamicTest.dynamicTest("bad*.json raise exactly " + id, () -> bad(rule, id)),
                      DynamicTest.dynamicTest("good.json raises nothing", () -> good(rule, id))));
            });
  }

  private static void bad(DocumentRule rule, String id) throws IOException {
    RuleFixtures f = RuleFixtures.of(id);
    for (RuleFixtures.Failing c : f.failing()) {
      List<Finding> got = VALIDATOR.validate(c.file(), rule.documentType()).findings();
      RuleFixtures.assertExactly(id, c, got, null);
    }
  }

  private static void good(DocumentRule rule, String id) throws IOException {
    RuleFixtures f = RuleFixtures.of(id);
    assertEquals(List.of(), findings(rule, f.good()), f.good()::toString);
  }

  private static List<String> findings(DocumentRule rule, Path file) throws IOException {
    return VALIDATOR.validate(file, rule.documentType()).findings().stream()
        .map((Finding x) -> x.ruleId() + " at " + x.location().pointer())
        .toList();
  }
}
