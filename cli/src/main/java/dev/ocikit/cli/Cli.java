package dev.ocikit.cli;

import picocli.CommandLine;

/** Shared picocli setup: usage errors exit 2 with a one-line message, never a stack trace. */
public final class Cli {
  private Cli() {}

  /** A command line for {@code command} with the toolkit's error handling (tests use it too). */
  public static CommandLine commandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          CommandLine c = ex.getCommandLine();
          c.getErr().println(c.getCommandName() + ": " + ex.getMessage());
          c.getErr().println("Try '" + c.getCommandName() + " --help' for more information.");
          return 2;
        });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> failed(c.getCommandName(), ex, c.getErr()));
    return cl;
  }

  /**
   * Start-up settings for the command line tools, before anything else runs. The schema library
   * logs through SLF4J, which otherwise scans every jar on the class path for a provider: about a
   * sixth of a cold run's schema compilation. The tools ship slf4j-nop, so name it.
   */
  static void prepare() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
      // SLF4J announces a provider named this way on stderr unless told to keep to warnings.
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /** Reports an expected failure of {@code command} as one line; returns its exit code, 2. */
  static int failed(String command, Throwable e, java.io.PrintWriter err) {
    err.println(command + ": " + Errors.describe(e));
    return 2;
  }

  static int execute(Object command, String... args) {
    return commandLine(command).execute(args);
  }
}
