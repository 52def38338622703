package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.testing.GeneratedDocs;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** docs/rules.md is the one catalog of every check, rendered from {@link CheckIndex}. */
class ChecksCatalogTest {
  @Test
  void committedCatalogMatchesTheChecks() throws IOException {
    GeneratedDocs.assertCurrent(
        "rules.md",
        ChecksCatalog.markdown(),
        "CheckIndex",
        "mvn -o -pl cli -am test -Dtest=ChecksCatalogTest -Dsurefire.failIfNoSpecifiedTests=false"
            + " -Docikit.regenerate=true");
  }

  @Test
  void everyCheckIsListedUnderItsDocument() {
    String md = ChecksCatalog.markdown();
    for (CheckIndex.Entry e : CheckIndex.all()) {
      assertTrue(md.contains("| [`" + e.id() + "`]("), e.id());
    }
    assertTrue(md.contains("## runtime-spec/config.md\n"), "config.md group");
    assertTrue(md.contains("## image-spec/image-layout.md\n"), "image-layout.md group");
  }
}
