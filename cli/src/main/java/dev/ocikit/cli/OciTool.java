package dev.ocikit.cli;

import dev.ocikit.cli.generate.GenerateCommand;
import picocli.CommandLine.Command;

/** {@code oci-tool}: the toolkit's other commands, as subcommands. */
@Command(
    name = "oci-tool",
    mixinStandardHelpOptions = true,
    versionProvider = Versions.class,
    description = "OCI toolkit: explain rules, generate configs, unpack images, run conformance.",
    subcommands = {
      picocli.CommandLine.HelpCommand.class,
      GenerateCommand.class,
      dev.ocikit.cli.conformance.ConformanceCommand.class,
      Explain.class,
      dev.ocikit.cli.image.UnpackCommand.class,
      dev.ocikit.cli.image.BundleCommand.class,
      Completion.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:success", "1:the command found problems", "2:usage or input error"})
public final class OciTool implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the command; the launcher script calls this.
   *
   * @param args the command line arguments
   */
  public static void main(String[] args) {
    Cli.prepare("oci-tool");
    System.exit(Cli.execute("oci-tool", new OciTool(), args));
  }
}
