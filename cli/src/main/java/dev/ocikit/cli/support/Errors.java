package dev.ocikit.cli.support;

import dev.ocikit.image.ConversionException;
import dev.ocikit.image.UnpackCancelledException;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnsupportedImageException;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.file.AtomicFile;
import dev.ocikit.spec.file.IoErrors;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one place that turns a failure into an exit code and one line on standard error, for every
 * command: 1 when the input itself failed (a tampered or corrupt blob, a hostile layer, a config
 * that cannot be converted, an image the spec says to refuse), 2 for everything else (usage,
 * unreadable input, a refusal of the host such as no permission or a full disk, an internal error),
 * 130 for an unpack stopped by an interrupt. Never a stack trace, never an exception class name.
 */
public final class Errors {
  /** The input was read and found wanting. */
  public static final int INPUT_FAILED = 1;

  /** Usage error, unreadable input, or the machine refused. */
  public static final int USAGE_OR_UNREADABLE = 2;

  /**
   * 128 + SIGINT: an unpack stopped by an interrupt (on a signal the JVM exits 128 + its number).
   */
  public static final int INTERRUPTED = 130;

  private Errors() {}

  /** A writer body that may fail. */
  public interface WriterBody {
    void write(Writer w) throws IOException;
  }

  /** The exit code for {@code e}. */
  public static int exitCode(Throwable e) {
    Throwable t = IoErrors.unwrap(e);
    if (t instanceof UnpackCancelledException) {
      return INTERRUPTED;
    }
    if (IoErrors.refusedByHost(t)) {
      return USAGE_OR_UNREADABLE; // a full disk is not the image's fault
    }
    for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
      if (c instanceof BlobVerificationException
          || c instanceof UnpackException
          || c instanceof ConversionException
          || c instanceof UnsupportedImageException) {
        return INPUT_FAILED;
      }
    }
    return USAGE_OR_UNREADABLE;
  }

  /** One line for {@code e}, safe for a terminal (messages can quote untrusted input). */
  public static String describe(Throwable e) {
    if (IoErrors.unwrap(e) instanceof UnpackCancelledException c) {
      return "interrupted; " + UntrustedText.printable(c.outcome());
    }
    return UntrustedText.printable(IoErrors.describe(e));
  }

  /**
   * The name error lines start with: the full command as typed ({@code oci-tool generate}), so that
   * a hint such as {@code oci-tool generate --help} can be run as it stands.
   */
  public static String commandName(CommandSpec spec) {
    return spec.qualifiedName();
  }

  /**
   * Reports a usage error a command found itself, as one line: {@code oci-tool conformance:
   * message}.
   *
   * @return {@link #USAGE_OR_UNREADABLE}
   */
  public static int usage(CommandSpec spec, String message) {
    PrintWriter err = spec.commandLine().getErr();
    // The message can quote an argument, and arguments can come from anywhere (an @file).
    err.println(commandName(spec) + ": " + UntrustedText.printable(message));
    err.flush();
    return USAGE_OR_UNREADABLE;
  }

  /**
   * Reports a picocli parse error (or a {@link ParameterException} a command threw): the line of
   * {@link #usage(CommandSpec, String)}, then picocli's did-you-mean for a mistyped subcommand or
   * option, else how to get help.
   *
   * @return {@link #USAGE_OR_UNREADABLE}
   */
  public static int usage(ParameterException ex) {
    CommandSpec spec = ex.getCommandLine().getCommandSpec();
    List<String> suggestions =
        ex instanceof UnmatchedArgumentException u ? u.getSuggestions() : List.of();
    usage(spec, ex.getMessage());
    PrintWriter err = spec.commandLine().getErr();
    String name = commandName(spec);
    if (!suggestions.isEmpty()) {
      err.println("Did you mean: " + UntrustedText.printable(suggestion(spec, suggestions)) + "?");
    } else {
      err.println("Try '" + name + " --help' for more information.");
    }
    err.flush();
    return USAGE_OR_UNREADABLE;
  }

  /** picocli names subcommands and options bare; both come out as a command one can run. */
  private static String suggestion(CommandSpec spec, List<String> suggestions) {
    StringBuilder sb = new StringBuilder();
    for (String s : suggestions) {
      sb.append(sb.length() == 0 ? "" : " or ");
      sb.append(commandName(spec)).append(' ').append(s);
    }
    return sb.toString();
  }

  /** Reports {@code e} as {@code command: message} on {@code err}; returns its exit code. */
  public static int report(String command, Throwable e, PrintWriter err) {
    err.println(command + ": " + describe(e));
    err.flush();
    return exitCode(e);
  }

  /** Reports {@code e}, thrown by {@code spec}'s command, under the command's full name. */
  public static int report(CommandSpec spec, Throwable e) {
    return report(commandName(spec), e, spec.commandLine().getErr());
  }

  /**
   * Writes to a sibling temporary file, then renames it over {@code target} with the mode the umask
   * gives a new file ({@link AtomicFile}); a failed write (a full disk) names the target and leaves
   * it as it was.
   */
  public static void writeAtomically(Path target, WriterBody body) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    AtomicFile.write(
        target,
        out -> {
          // Flushed, not closed: AtomicFile syncs and closes the file itself.
          Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
          body.write(w);
          w.flush();
        });
  }
}
