package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every image rule both ways, from one table ({@link LayoutRuleCases}, {@link LayerRuleCases}): a
 * failing layout raises exactly its rule (and the findings the case declares it cannot avoid), with
 * the expected words in the message; a passing layout raises nothing at all. A rule without a
 * failing and a passing row fails {@link #everyImageRuleHasBothCases()}.
 */
class ImageRuleCasesTest {
  @TempDir Path dir;

  static List<RuleCase> table() {
    return Stream.concat(LayoutRuleCases.cases().stream(), LayerRuleCases.cases().stream())
        .toList();
  }

  @TestFactory
  Stream<DynamicTest> everyCase() {
    AtomicInteger n = new AtomicInteger();
    return table().stream()
        .map(c -> DynamicTest.dynamicTest(c.toString(), () -> run(c, n.incrementAndGet())));
  }

  private void run(RuleCase c, int n) throws IOException {
    Path root = dir.resolve("case-" + n);
    c.layout().write(new TestLayout(root, DigestAlgorithm.SHA256));
    ValidationResult r =
        ImageValidator.validate(
            root, ImageValidationOptions.DEFAULT.withRequireAllBlobs(c.requireAllBlobs()));
    if (!c.failing()) {
      Findings.assertClean(r);
      return;
    }
    String rule = c.rules().get(0);
    List<String> expected = new ArrayList<>(c.also());
    expected.add(rule);
    assertEquals(
        expected.stream().sorted().toList(),
        r.findings().stream().map(Finding::ruleId).sorted().toList(),
        () -> Findings.render(r));
    Finding f = r.findings().stream().filter(x -> x.ruleId().equals(rule)).findFirst().get();
    assertTrue(
        f.message().contains(c.message()),
        () -> "message lacks \"" + c.message() + "\":\n" + Findings.render(r));
  }

  @Test
  void everyImageRuleHasBothCases() {
    Set<String> ids =
        ImageRules.all().stream().map(RuleInfo::id).collect(Collectors.toCollection(TreeSet::new));
    Set<String> failing = new TreeSet<>();
    Set<String> passing = new TreeSet<>();
    for (RuleCase c : table()) {
      (c.failing() ? failing : passing).addAll(c.rules());
      assertTrue(ids.containsAll(c.rules()), c + " names a rule ImageRules does not list");
      assertTrue(!c.failing() || c.rules().size() == 1, c + ": a failing case fails one rule");
    }
    assertEquals(Set.of(), missing(ids, failing), "image rules without a failing case");
    assertEquals(Set.of(), missing(ids, passing), "image rules without a passing case");
  }

  private static Set<String> missing(Set<String> all, Set<String> covered) {
    Set<String> out = new TreeSet<>(all);
    out.removeAll(covered);
    return out;
  }
}
