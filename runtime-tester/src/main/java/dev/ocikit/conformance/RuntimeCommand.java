package dev.ocikit.conformance;

import java.nio.file.Path;
import java.util.List;

/**
 * How to run one runtime under test: the name it has in reports, its executable, and the global
 * options put before every subcommand ({@code runsc --platform=ptrace --network=none create …}).
 *
 * @param name the runtime's name in reports and expected-failures files
 * @param executable path of the runtime executable
 * @param args global options, in order, given before the subcommand of every call
 */
public record RuntimeCommand(String name, Path executable, List<String> args) {
  /**
   * Checks the name and copies the options.
   *
   * @param name the runtime's name in reports and expected-failures files, not blank
   * @param executable path of the runtime executable
   * @param args global options, in order, given before the subcommand of every call
   * @throws IllegalArgumentException when {@code name} is null or blank
   * @throws NullPointerException when {@code args} is null or holds null
   */
  public RuntimeCommand {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a runtime needs a name");
    }
    args = List.copyOf(args);
  }

  /**
   * {@return a runtime named by its executable's file name, without global options}
   *
   * @param executable path of the runtime executable; its file name becomes the runtime's name
   */
  public static RuntimeCommand of(Path executable) {
    return new RuntimeCommand(executable.getFileName().toString(), executable, List.of());
  }

  /**
   * {@return the same runtime with one more global option}
   *
   * @param arg the option, given after the existing ones, e.g. {@code --platform=ptrace}
   */
  public RuntimeCommand withArg(String arg) {
    List<String> more = new java.util.ArrayList<>(args);
    more.add(arg);
    return new RuntimeCommand(name, executable, more);
  }

  /**
   * {@return the same runtime under another name}
   *
   * @param newName the name in reports and expected-failures files, not blank
   * @throws IllegalArgumentException when {@code newName} is null or blank
   */
  public RuntimeCommand named(String newName) {
    return new RuntimeCommand(newName, executable, args);
  }

  /** {@return the executable followed by the global options, as one would type them} */
  public List<String> commandLine() {
    List<String> all = new java.util.ArrayList<>();
    all.add(executable.toString());
    all.addAll(args);
    return List.copyOf(all);
  }
}
