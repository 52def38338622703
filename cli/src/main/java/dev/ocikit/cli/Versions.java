package dev.ocikit.cli;

import dev.ocikit.spec.OcikitVersion;
import picocli.CommandLine;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version} of every command and subcommand: our version and commit (as the reports carry
 * them) and the spec versions we implement.
 */
final class Versions implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      OcikitVersion.build().toString(), "runtime-spec 1.0.0 to 1.3.0, image-spec 1.1.1 (+ blake3)"
    };
  }

  /**
   * Gives {@code cl} and all its subcommands this provider, so that a subcommand's {@code
   * --version} (picocli's standard option) never prints nothing.
   */
  static void everywhere(CommandLine cl) {
    cl.getCommandSpec().versionProvider(new Versions());
    cl.getSubcommands().values().forEach(Versions::everywhere);
  }
}
