package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.OcikitVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --version} of every command and subcommand prints the build's version and commit. */
class VersionsTest {
  @Test
  void everyCommandWithAVersionOptionPrintsTheBuild() {
    List<String> checked = new ArrayList<>();
    check(OciValidate::new, Cli.commandLine(new OciValidate()), List.of(), checked);
    check(OciTool::new, Cli.commandLine(new OciTool()), List.of(), checked);
    // oci-validate, oci-tool and at least generate, conformance, explain, unpack, bundle,
    // completion
    assertTrue(checked.size() >= 8, checked.toString());
  }

  private static void check(
      Supplier<Object> root, CommandLine cl, List<String> path, List<String> checked) {
    if (cl.getCommandSpec().optionsMap().containsKey("--version")) {
      List<String> args = new ArrayList<>(path);
      args.add("--version");
      ToolProcess.Result r = ToolProcess.inProcess(root.get(), args.toArray(String[]::new));
      String name = cl.getCommandSpec().qualifiedName();
      assertEquals(0, r.exit(), name + ": " + r.err());
      assertEquals(OcikitVersion.build().toString(), r.out().lines().findFirst().orElse(""), name);
      assertTrue(
          r.out().matches("(?s)ocikit [0-9][^ ]* \\(commit ([0-9a-f]{7,}|unknown)\\)\n.*"),
          r.out());
      checked.add(name);
    }
    cl.getSubcommands()
        .forEach(
            (sub, c) -> {
              List<String> next = new ArrayList<>(path);
              next.add(sub);
              check(root, c, next, checked);
            });
  }
}
