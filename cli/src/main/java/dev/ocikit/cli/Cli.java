package dev.ocikit.cli;

import dev.ocikit.cli.support.Errors;
import dev.ocikit.spec.file.InputFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Shared picocli setup: usage errors exit 2 with a one-line message, every other failure goes
 * through {@link Errors}, and numbers are ASCII digits. Never a stack trace.
 */
public final class Cli {
  private static final Pattern ASCII_NUMBER = Pattern.compile("[+-]?[0-9]+");

  private Cli() {}

  /**
   * A command line for {@code command} with the toolkit's error handling (tests use it too).
   *
   * @param command the picocli command object
   * @return the configured command line
   */
  public static CommandLine commandLine(Object command) {
    CommandLine cl = new CommandLine(command);
    Versions.everywhere(cl);
    cl.setParameterExceptionHandler((ex, args) -> Errors.usage(ex));
    cl.setExecutionExceptionHandler((ex, c, parsed) -> Errors.report(c.getCommandSpec(), ex));
    // picocli's own converters go through Long.parseLong, which takes any script's digits.
    ITypeConverter<Long> longs = Cli::asciiLong;
    ITypeConverter<Integer> ints = s -> Math.toIntExact(asciiLong(s));
    cl.registerConverter(Long.class, longs);
    cl.registerConverter(Long.TYPE, longs);
    cl.registerConverter(Integer.class, ints);
    cl.registerConverter(Integer.TYPE, ints);
    return cl;
  }

  private static long asciiLong(String text) {
    try {
      if (ASCII_NUMBER.matcher(text).matches()) {
        return Long.parseLong(text);
      }
    } catch (NumberFormatException tooLarge) {
      // reported below
    }
    throw new TypeConversionException("'" + text + "' is not a number (ASCII digits)");
  }

  /**
   * Start-up settings for the command line tools, before anything else runs. The schema library
   * logs through SLF4J, which otherwise scans every jar on the class path for a provider: about a
   * sixth of a cold run's schema compilation. The tools ship slf4j-nop, so name it. A failure in a
   * thread of its own is one line too.
   */
  static void prepare(String tool) {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.nop.NOPServiceProvider");
      // SLF4J announces a provider named this way on stderr unless told to keep to warnings.
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
    Thread.setDefaultUncaughtExceptionHandler(
        (t, e) -> System.err.println(tool + ": " + Errors.describe(e)));
  }

  /** The body of a run: a picocli execution, or the paths-only run of oci-validate. */
  interface Body {
    int run() throws Exception;
  }

  /** Runs {@code command} with {@code args} as the launchers do; see {@link #run}. */
  static int execute(String tool, Object command, String... args) {
    CommandLine cl = commandLine(command);
    return run(
        tool,
        cl.getOut(),
        cl.getErr(),
        () -> {
          argumentFiles(args);
          return cl.execute(args);
        });
  }

  /**
   * picocli replaces an {@code @FILE} argument by the lines of FILE, reading it whole: like every
   * file the tools read, it must be a regular file (a FIFO would be waited on forever).
   */
  private static void argumentFiles(String[] args) throws IOException {
    for (String a : args) {
      if (a.length() > 1 && a.charAt(0) == '@' && a.charAt(1) != '@') {
        try {
          Path file = Path.of(a.substring(1));
          if (Files.exists(file)) {
            InputFile.requireRegularFile(file);
          }
        } catch (InvalidPathException notAPath) {
          // picocli takes it literally
        }
      }
    }
  }

  /**
   * Runs {@code body} and returns its exit code. What escapes it, even an error of the JVM (out of
   * memory), is one line and exit 2 or 1 by {@link Errors}; output that could not be written (a
   * full disk under a redirection) is exit 2.
   */
  static int run(String tool, PrintWriter out, PrintWriter err, Body body) {
    int code;
    try {
      code = body.run();
    } catch (Exception | OutOfMemoryError | StackOverflowError e) {
      code = Errors.report(tool, e, err);
    }
    out.flush();
    // System.out keeps its own write errors to itself; picocli's writer may wrap it.
    if (out.checkError() || System.out.checkError()) {
      err.println(tool + ": cannot write to standard output");
      code = Errors.USAGE_OR_UNREADABLE;
    }
    err.flush();
    return code;
  }
}
