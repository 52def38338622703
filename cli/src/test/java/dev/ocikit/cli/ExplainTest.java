package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Drives {@code oci-tool explain} through picocli with captured output. */
class ExplainTest {
  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(new OciTool());
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void explainsARuleWithItsMetadataAndExamples() {
    Run r = run("explain", "process.cwd.absolute");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("process.cwd.absolute\n"), r.out());
    assertTrue(r.out().contains("level:    MUST"), r.out());
    assertTrue(r.out().contains("platform: all"), r.out());
    assertTrue(r.out().contains("summary:  process.cwd is an absolute path"), r.out());
    assertTrue(
        r.out()
            .contains(
                "spec:     https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#process"),
        r.out());
    // the tests run inside the checkout, so the fixtures are found and printed
    assertTrue(r.out().contains("Example that passes"), r.out());
    assertTrue(r.out().contains("\"cwd\": \"srv\""), r.out());
  }

  @Test
  void explainsCoreRulesWithoutFixtures() {
    Run r = run("explain", "json.syntax");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("examples: none here"), r.out());
  }

  @Test
  void unknownIdExitsTwoWithCloseMatches() {
    Run r = run("explain", "process.cwd.absolut");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("unknown rule id 'process.cwd.absolut'"), r.err());
    assertTrue(r.err().contains("Did you mean: process.cwd.absolute"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void unrelatedIdExitsTwoPointingAtTheCatalog() {
    Run r = run("explain", "zzzzzzzzzzzzzzzzzzzzzz");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("docs/rules.md"), r.err());
  }
}
