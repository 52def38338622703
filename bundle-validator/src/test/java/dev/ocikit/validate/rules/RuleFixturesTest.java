package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.validate.registry.RuleRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two-way fixture tests for every registered rule: each bad fixture (bad.json, bad-NAME.json)
 * raises exactly the rule's finding at the expected pointer with the recorded message and nothing
 * else (no schema finding, no other rule); the good fixture raises nothing at all. Every level is
 * reported, so advice findings count too; the message of an ADVICE finding starts with "advice:",
 * and only then.
 */
class RuleFixturesTest {
  @TempDir Path tmp;

  @TestFactory
  Stream<DynamicContainer> everyRegisteredRule() {
    return RuleRegistry.configRules().stream()
        .map(
            rule -> {
              String id = rule.info().id();
              return DynamicContainer.dynamicContainer(
                  id,
                  List.of(
                      DynamicTest.dynamicTest("bad*.json raise exactly " + id, () -> bad(id)),
                      DynamicTest.dynamicTest("good.json raises nothing", () -> good(id))));
            });
  }

  private void bad(String id) throws IOException {
    RuleFixtures f = RuleFixtures.of(id);
    for (RuleFixtures.Failing c : f.failing()) {
      List<Finding> got = f.validateAsBundle(c.file(), tmp, f.createRoot(), f.rootLink());
      RuleFixtures.assertExactly(id, c, got, tmp);
      Finding only = got.get(0);
      assertEquals(
          only.level() == Level.ADVICE,
          only.message().startsWith("advice: "),
          () -> id + " is " + only.level() + " but says: " + only.message());
    }
  }

  private void good(String id) throws IOException {
    RuleFixtures f = RuleFixtures.of(id);
    List<Finding> got = f.validateAsBundle(f.good(), tmp, true, null);
    assertEquals(
        List.of(), got.stream().map(RuleFixturesTest::describe).toList(), f.good()::toString);
  }

  private static String describe(Finding f) {
    return f.ruleId() + " at " + f.location().pointer();
  }
}
