package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.spec.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/rules.md is the catalog rendered from the rule metadata. Run with {@code
 * -Docikit.regenerate=true} (or OCIKIT_REGENERATE=1) to rewrite it after changing a rule.
 */
class RulesCatalogTest {
  @Test
  void committedCatalogMatchesTheRegistry() throws IOException {
    Path file = Checkout.testdata().getParent().resolve("docs/rules.md");
    String generated = RulesCatalog.markdown();
    if (Boolean.getBoolean("ocikit.regenerate") || "1".equals(System.getenv("OCIKIT_REGENERATE"))) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        file
            + " is out of date with RuleRegistry.catalog(); regenerate it with: mvn -o -pl"
            + " bundle-validator test -Dtest=RulesCatalogTest -Docikit.regenerate=true");
  }
}
