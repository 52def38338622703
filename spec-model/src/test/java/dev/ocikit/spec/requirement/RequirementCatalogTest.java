package dev.ocikit.spec.requirement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequirementCatalogTest {
  private static List<Requirement> parse(String text) throws IOException {
    return RequirementCatalog.parse(SpecDocument.RT_CONFIG, new StringReader(text));
  }

  @Test
  void readsChecksOfEveryKindAndTheirInverse() throws IOException {
    List<Requirement> reqs =
        parse(
            "# comment\n"
                + "rt.config.cwd-absolute\tprocess\tMUST\tThe working directory is absolute.\t"
                + "rule:process.cwd.absolute schema:runtime-spec/config.schema.json#/properties/x"
                + " test:process.cwd\n"
                + "rt.config.hidden\tprocess\tMUST NOT\tSomething nobody outside can see.\t"
                + "untestable: only the runtime's own memory holds it\n");
    assertEquals(2, reqs.size());
    Requirement first = reqs.get(0);
    assertEquals(Keyword.MUST, first.keyword());
    assertEquals(
        "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#process",
        first.url());
    assertEquals(Disposition.Kind.RULE, first.disposition().kind());
    assertEquals(Keyword.MUST_NOT, reqs.get(1).keyword());
    assertEquals(Disposition.Kind.UNTESTABLE, reqs.get(1).disposition().kind());

    RequirementCatalog catalog = RequirementCatalog.of(reqs);
    assertEquals(List.of("rt.config.cwd-absolute"), catalog.forRule("process.cwd.absolute"));
    assertEquals(List.of("rt.config.cwd-absolute"), catalog.forTest("process.cwd"));
    assertEquals(
        List.of("rt.config.cwd-absolute"),
        catalog.forSchemaLocation("runtime-spec/config.schema.json#/properties/x"));
    assertEquals(List.of(), catalog.forRule("unknown"));
  }

  @Test
  void refusesLinesThatBreakTheFormatNamingTheLine() {
    refused("rt.config.a\tp\tMUST\tlong enough text\n", ":1:", "5 tab-separated columns");
    refused("\nrt.config.a\tp\tmust\tlong enough text\trule:x\n", ":2:", "not an RFC 2119");
    refused("rt.linux.a\tp\tMUST\tlong enough text\trule:x\n", ":1:", "is not rt.config.");
    refused("rt.config.a\tp\tMUST\tlong enough text\t\n", ":1:", "no disposition");
    refused("rt.config.a\tp\tMUST\tlong enough text\ttodo: x\n", ":1:", "needs a reason");
    refused("rt.config.a\tp\tMUST\tlong enough text\tcheck:x\n", ":1:", "unknown disposition");
  }

  private static void refused(String text, String line, String why) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
    assertTrue(e.getMessage().contains(line), e.getMessage());
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  @Test
  void theShippedCatalogLoadsWithUniqueIds() {
    RequirementCatalog catalog = RequirementCatalog.shipped();
    assertEquals(
        catalog.all().size(), catalog.all().stream().map(Requirement::id).distinct().count());
  }

  @Test
  void coverageCountsEveryRequirementOnce() throws IOException {
    RequirementCatalog catalog =
        RequirementCatalog.of(
            parse(
                "rt.config.a\tprocess\tMUST\tThe working directory is absolute.\trule:r\n"
                    + "rt.config.b\troot\tSHOULD\tThe root is named rootfs here.\t"
                    + "todo: rule on the root path name\n"));
    String md = SpecCoverage.markdown(catalog);
    assertTrue(md.contains("| **all** | 2 | 1 | 1 | 0 | 1 | 0 | 0 | 0 | 0 | 1 |"), md);
    assertTrue(
        md.contains("2 requirements; 1 checked, 0 argued untestable, 1 not checked yet."), md);
    assertTrue(md.contains("**to do**: rule on the root path name"), md);
  }
}
