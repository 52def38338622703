package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.testing.Checkout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The command-line edge as the launchers set it up: did-you-mean for typos, error lines naming the
 * full command, {@code --type} listing the types, {@code --quiet}/{@code --verbose} everywhere.
 */
class CommandLineEdgeTest {
  private record Run(int exit, String out, String err) {
    List<String> errLines() {
      return err.lines().toList();
    }
  }

  private static Run run(Object command, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Cli.commandLine(command);
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static Run tool(String... args) {
    return run(new OciTool(), args);
  }

  @Test
  void aMistypedSubcommandGetsPicocliSuggestion() {
    Run r = tool("genrate");
    assertEquals(2, r.exit(), r.err());
    assertEquals(
        List.of(
            "oci-tool: Unmatched argument at index 0: 'genrate'",
            "Did you mean: oci-tool generate?"),
        r.errLines());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  @Test
  void aMistypedOptionGetsTheFullCommandToRun() {
    Run r = tool("generate", "--templat", "x.json");
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.errLines().get(0).startsWith("oci-tool generate: Unknown option"), r.err());
    assertTrue(r.err().contains("Did you mean: oci-tool generate --template"), r.err());
    assertEquals(2, r.errLines().size(), r.err());

    Run v = run(new OciValidate(), "--levle", "must", "x");
    assertEquals(2, v.exit(), v.err());
    assertTrue(v.err().contains("Did you mean: oci-validate --level"), v.err());
  }

  @Test
  void usageHintsNameTheFullCommand() {
    Run r = tool("generate", "--os", "plan9");
    assertEquals(2, r.exit(), r.err());
    assertEquals(
        List.of(
            "oci-tool generate: --os: expected linux, windows, solaris, freebsd, vm or zos but got"
                + " 'plan9'",
            "Try 'oci-tool generate --help' for more information."),
        r.errLines());
    Run e = tool("explain", "--format", "xml");
    assertEquals(2, e.exit(), e.err());
    assertEquals(
        List.of("oci-tool explain: unknown --format 'xml'; use text or json"), e.errLines());
  }

  @Test
  void aFailureOfASubcommandNamesTheFullCommand(@TempDir Path tmp) {
    Run r = tool("generate", "--template", tmp.resolve("absent.json").toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().startsWith("oci-tool generate: "), r.err());
    assertEquals(1, r.errLines().size(), r.err());
  }

  @Test
  void anUnknownTypeListsEveryType() {
    Run r = run(new OciValidate(), "--type", "runtime-conf", "x.json");
    assertEquals(2, r.exit(), r.err());
    String first = r.errLines().get(0);
    assertTrue(
        first.startsWith("oci-validate: --type: unknown document type 'runtime-conf'"), first);
    for (DocumentType t : DocumentType.values()) {
      assertTrue(first.contains(t.id()), t.id() + " missing from: " + first);
    }
  }

  @Test
  void argumentsInErrorLinesCannotDriveTheTerminal() {
    Run r = tool("gen\u001b[2Jrate");
    assertEquals(2, r.exit(), r.err());
    assertFalse(r.err().contains("\u001b"), r.err());
    assertTrue(r.err().contains("gen\\u001b[2Jrate"), r.err());
  }

  @Test
  void quietAndVerboseOnEveryCommand() {
    CommandLine top = Cli.commandLine(new OciTool());
    for (CommandLine sub : top.getSubcommands().values()) {
      if (sub.getCommandName().equals("help")) {
        continue; // picocli's own
      }
      assertTrue(sub.getCommandSpec().findOption("--quiet") != null, sub.getCommandName());
      assertTrue(sub.getCommandSpec().findOption("--verbose") != null, sub.getCommandName());
    }
    CommandLine validate = Cli.commandLine(new OciValidate());
    assertTrue(validate.getCommandSpec().findOption("-q") != null);
    assertTrue(validate.getCommandSpec().findOption("-v") != null);
  }

  @Test
  void quietAndVerboseContradictEachOther() {
    Run r = tool("explain", "--quiet", "--verbose", "--list");
    assertEquals(2, r.exit(), r.err());
    assertEquals(
        "oci-tool explain: --quiet and --verbose contradict each other; give one",
        r.errLines().get(0));
  }

  @Test
  void verboseSaysTheKindOfEachPathAndTheFileWritten(@TempDir Path tmp) throws Exception {
    Path bundle = Checkout.testdata().resolve("bundles/sample");
    Path report = tmp.resolve("report.json");
    Run v =
        run(
            new OciValidate(),
            "--verbose",
            "--format",
            "json",
            "-o",
            report.toString(),
            bundle.toString());
    assertEquals(0, v.exit(), v.err());
    assertEquals(
        List.of(
            "oci-validate: " + bundle + ": validated as bundle", "oci-validate: wrote " + report),
        v.errLines());
    assertTrue(Files.size(report) > 0);

    Run plain =
        run(new OciValidate(), "--format", "json", "-o", report.toString(), bundle.toString());
    assertEquals("", plain.err());
    Run quiet = run(new OciValidate(), "-q", "--color=never", bundle.toString());
    assertEquals(0, quiet.exit(), quiet.err());
    assertEquals("", quiet.err());
    assertTrue(quiet.out().contains("VALID"), quiet.out()); // findings are still printed

    Path config = tmp.resolve("config.json");
    Run g = tool("generate", "--verbose", "-o", config.toString());
    assertEquals(0, g.exit(), g.err());
    assertEquals(List.of("oci-tool generate: wrote " + config), g.errLines());
  }
}
