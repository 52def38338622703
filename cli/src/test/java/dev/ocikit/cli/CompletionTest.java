package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CompletionTest {
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
  void bashScriptNamesEverySubcommandOfBothTools() {
    Run r = run("completion");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("complete -F"), "a bash completion script");
    for (String name : new CommandLine(new OciTool()).getSubcommands().keySet()) {
      assertTrue(r.out().contains(name), "subcommand " + name);
    }
    assertTrue(r.out().contains("_complete_oci-tool"), "oci-tool function");
    assertTrue(r.out().contains("_complete_oci-validate"), "oci-validate function");
  }

  @Test
  void scriptCompletesOptionsOfGenerateAndValidate() {
    String out = run("completion", "bash").out();
    for (String option :
        new String[] {
          "--linux-seccomp-syscalls", "--hooks-poststop-timeout", "--windows-layer-folders",
          "--vm-kernel-path", "--freebsd-jail-vnet", "--rootless"
        }) {
      assertTrue(out.contains(option), option);
    }
    for (String option :
        new CommandLine(new OciValidate()).getCommandSpec().optionsMap().keySet()) {
      assertTrue(out.contains(option), "oci-validate " + option);
    }
  }

  @Test
  void zshGetsTheSameFunctions() {
    Run r = run("completion", "zsh");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("bashcompinit"), r.out().lines().limit(40).toList().toString());
    assertTrue(r.out().contains("_complete_oci-tool"));
  }

  @Test
  void otherShellIsAUsageError() {
    Run r = run("completion", "fish");
    assertEquals(2, r.exit());
    assertEquals("", r.out());
    assertTrue(r.err().contains("expected bash or zsh"), r.err());
  }
}
