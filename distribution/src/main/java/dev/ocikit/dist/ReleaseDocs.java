package dev.ocikit.dist;

import dev.ocikit.cli.OciTool;
import dev.ocikit.cli.OciValidate;
import dev.ocikit.spec.OcikitVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the release archive's generated documentation under DIR: {@code share/man/man1/*.1} for
 * both tools and every subcommand, and {@code share/bash-completion/completions/oci-tool} and
 * {@code oci-validate} (named as bash-completion loads them on demand). Run by the distribution
 * module's build.
 */
public final class ReleaseDocs {
  private ReleaseDocs() {}

  /**
   * Entry point of the build step.
   *
   * @param args one argument: the output directory
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ReleaseDocs DIR");
    }
    Path dir = Path.of(args[0]);
    Path man = Files.createDirectories(dir.resolve("share/man/man1"));
    Path completions = Files.createDirectories(dir.resolve("share/bash-completion/completions"));
    String version = OcikitVersion.build().version();
    for (CommandLine cl :
        new CommandLine[] {new CommandLine(new OciValidate()), new CommandLine(new OciTool())}) {
      pages(cl, man, version);
      String name = cl.getCommandName();
      write(completions.resolve(name), AutoComplete.bash(name, cl));
    }
  }

  private static void pages(CommandLine cl, Path man, String version) throws IOException {
    String name = ManPage.name(cl.getCommandSpec());
    write(man.resolve(name + ".1"), new ManPage(cl.getCommandSpec(), version).render());
    for (var sub : cl.getSubcommands().entrySet()) {
      if (!sub.getKey().equals("help")) {
        pages(sub.getValue(), man, version);
      }
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
