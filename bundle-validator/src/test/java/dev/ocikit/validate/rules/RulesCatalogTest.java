package dev.ocikit.validate.rules;

import dev.ocikit.spec.GeneratedDocs;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the catalog rendered from the rule metadata. Run with {@code
 * -Docikit.regenerate=true} (or OCIKIT_REGENERATE=1) to rewrite it after changing a rule.
 */
class RulesCatalogTest {
  @Test
  void committedCatalogMatchesTheRegistry() throws IOException {
    GeneratedDocs.assertCurrent(
        "rules.md",
        RulesCatalog.markdown(),
        "RuleRegistry.catalog()",
        "mvn -o -pl bundle-validator test -Dtest=RulesCatalogTest -Docikit.regenerate=true");
  }
}
