package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.check.SpecLinks;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.validate.registry.RuleRegistry;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The registry is complete and every rule describes itself: each {@link ConfigRule} and {@link
 * DocumentRule} class compiled into the rules package tree is registered, has good/bad/expected
 * fixtures, and carries a unique id, a summary, a spec link at the pinned tag and a known platform.
 */
class RegistryCompletenessTest {
  private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)+");

  @Test
  void everyRuleClassIsRegistered() throws Exception {
    Set<String> registered =
        Stream.concat(
                RuleRegistry.configRules().stream().map(Object::getClass),
                RuleRegistry.documentRules().stream().map(Object::getClass))
            .map(Class::getName)
            .collect(Collectors.toCollection(TreeSet::new));
    Set<String> found = ruleClassesOnDisk();
    assertFalse(found.isEmpty(), "no rule classes found under target/classes");
    assertEquals(found, registered, "rule classes and RuleRegistry disagree");
  }

  @Test
  void everyRegisteredRuleHasFixtures() {
    for (RuleInfo rule : semanticRules()) {
      Path dir = Checkout.testdata().resolve("rules").resolve(rule.id());
      for (String name : List.of("good.json", "bad.json", "expected.json")) {
        assertTrue(Files.isRegularFile(dir.resolve(name)), "missing " + dir.resolve(name));
      }
    }
  }

  @Test
  void noFixturesWithoutARule() throws IOException {
    Set<String> ids = semanticRules().stream().map(RuleInfo::id).collect(Collectors.toSet());
    try (Stream<Path> s = Files.list(Checkout.testdata().resolve("rules"))) {
      for (Path dir : s.toList()) {
        assertTrue(
            ids.contains(dir.getFileName().toString()), dir + " belongs to no registered rule");
      }
    }
  }

  @Test
  void metadataIsComplete() {
    Set<String> seen = new HashSet<>();
    for (RuleInfo info : RuleRegistry.catalog()) {
      assertTrue(seen.add(info.id()), "duplicate rule id " + info.id());
      assertTrue(ID.matcher(info.id()).matches(), "id is not dotted lowercase: " + info.id());
      assertTrue(info.summary() != null && !info.summary().isBlank(), info.id() + ": no summary");
      assertTrue(info.summary().endsWith("."), info.id() + ": summary is not one sentence");
      assertTrue(info.level() != null, info.id() + ": no level");
      info.document()
          .map(d -> d.file().replaceFirst("^(config|runtime|features)-(\\w+)\\.md$", "$2"))
          .flatMap(Platform::parse)
          .ifPresent(
              p ->
                  assertEquals(
                      p, info.platform(), info.id() + ": a rule of a platform's document"));
      assertTrue(info.specUrl() != null && !info.specUrl().isBlank(), info.id() + ": no spec URL");
    }
    for (RuleInfo rule : semanticRules()) {
      String url = rule.specUrl();
      assertTrue(
          url.startsWith(rule.id().startsWith("image.") ? SpecLinks.IMAGE_BASE : SpecLinks.BASE),
          rule.id() + ": " + url);
      assertTrue(url.contains("#"), rule.id() + ": spec URL without anchor: " + url);
    }
  }

  /** Config and document rules: the ones with classes, fixtures and spec anchors. */
  private static List<RuleInfo> semanticRules() {
    return Stream.concat(
            RuleRegistry.configRules().stream().map(ConfigRule::info),
            RuleRegistry.documentRules().stream().map(DocumentRule::info))
        .toList();
  }

  private static Set<String> ruleClassesOnDisk() throws IOException, URISyntaxException {
    Path classes =
        Path.of(ConfigRule.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path rules = classes.resolve("dev/ocikit/validate/rules");
    Set<String> out = new TreeSet<>();
    try (Stream<Path> s = Files.walk(rules)) {
      for (Path p : s.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name =
            classes.relativize(p).toString().replace('/', '.').replaceAll("\\.class$", "");
        Class<?> c;
        try {
          c = Class.forName(name, false, ConfigRule.class.getClassLoader());
        } catch (ClassNotFoundException e) {
          throw new AssertionError(name, e);
        }
        if ((ConfigRule.class.isAssignableFrom(c) || DocumentRule.class.isAssignableFrom(c))
            && !c.isInterface()
            && !Modifier.isAbstract(c.getModifiers())) {
          out.add(c.getName());
        }
      }
    }
    return out;
  }
}
