package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.spec.Checkout;
import dev.ocikit.validate.rules.RulesCatalog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/image-rules.md is the catalog rendered from {@link ImageRules#all()}. Run with {@code
 * -Docikit.regenerate=true} (or OCIKIT_REGENERATE=1) to rewrite it after changing a rule.
 */
class ImageRulesCatalogTest {
  static final String REGENERATE =
      "mvn -o -pl image-tools test -Dtest=ImageRulesCatalogTest -Docikit.regenerate=true";

  @Test
  void committedCatalogMatchesTheRules() throws IOException {
    Path file = Checkout.root().resolve("docs/image-rules.md");
    String generated = markdown();
    if (Boolean.getBoolean("ocikit.regenerate") || "1".equals(System.getenv("OCIKIT_REGENERATE"))) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        file + " is out of date with ImageRules.all(); regenerate it with: " + REGENERATE);
  }

  static String markdown() {
    StringBuilder s = new StringBuilder();
    s.append("# Image validation rules\n\n");
    s.append("<!-- Generated from ImageRules.all() by ImageRulesCatalogTest; do not edit.\n");
    s.append("     Regenerate: ").append(REGENERATE).append(" -->\n\n");
    s.append("`oci-validate` checks an OCI image layout directory or an OCI archive: `oci-layout`")
        .append(" and `index.json`, blob names, then every descriptor reachable from the index.")
        .append(" Every blob is read once through a verifying stream (size and digest); each")
        .append(" layer is decompressed in the same pass to compute its DiffID and lint its tar")
        .append(" entries. The JSON documents are also checked against the image-spec schemas")
        .append(" (`json.*` and `schema.<keyword>` rules, see [rules.md](rules.md)).\n\n");
    s.append("Levels: MUST, SHOULD and MAY come from the RFC 2119 keyword of the spec sentence ")
        .append("the rule cites. ADVICE marks likely trouble no spec sentence forbids; it never ")
        .append("fails a run. With the default `--level must`, only MUST findings are errors.\n\n");
    s.append("Spec links point at image-spec v1.1.1.\n\n");
    s.append(RulesCatalog.table(ImageRules.all(), false));
    return s.toString();
  }
}
