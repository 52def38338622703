package dev.ocikit.cli.support;

import dev.ocikit.spec.UntrustedText;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code --quiet} and {@code --verbose}, the same on every command (a picocli mixin). Quiet drops
 * progress and information lines on standard error; findings, warnings and errors are always
 * printed and exit codes never change. Verbose adds what was done (the kind of each path, files
 * written). Giving both is a usage error: they contradict each other.
 */
public final class Verbosity {
  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  private boolean quiet;
  private boolean verbose;

  /** Sets {@code --quiet}; refuses it after {@code --verbose}. */
  @Option(
      names = {"-q", "--quiet"},
      description =
          "No progress or information lines on standard error (findings and errors stay).")
  void quiet(boolean value) {
    quiet = value;
    refuseBoth();
  }

  /** Sets {@code --verbose}; refuses it after {@code --quiet}. */
  @Option(
      names = {"-v", "--verbose"},
      description =
          "Also say what was done on standard error (the kind of each path, files written).")
  void verbose(boolean value) {
    verbose = value;
    refuseBoth();
  }

  private void refuseBoth() {
    if (quiet && verbose) {
      throw new ParameterException(
          mixee.commandLine(), "--quiet and --verbose contradict each other; give one");
    }
  }

  /** Whether {@code --quiet} was given. */
  public boolean quiet() {
    return quiet;
  }

  /** Whether {@code --verbose} was given. */
  public boolean verbose() {
    return verbose;
  }

  /** Prints {@code COMMAND: line} on {@code err} unless quiet: progress and information. */
  public void info(PrintWriter err, String line) {
    if (!quiet) {
      say(err, line);
    }
  }

  /** Prints {@code COMMAND: line} on {@code err} when verbose: what was done. */
  public void detail(PrintWriter err, String line) {
    if (verbose) {
      say(err, line);
    }
  }

  private void say(PrintWriter err, String line) {
    String name = mixee == null ? "" : Errors.commandName(mixee) + ": ";
    err.println(name + UntrustedText.printable(line));
    err.flush();
  }
}
