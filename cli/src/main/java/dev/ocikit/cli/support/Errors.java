package dev.ocikit.cli.support;

import dev.ocikit.image.bundle.ConversionException;
import dev.ocikit.image.bundle.UnsupportedImageException;
import dev.ocikit.image.unpack.UnpackCancelledException;
import dev.ocikit.image.unpack.UnpackException;
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

  /** Reports {@code e} as {@code command: message} on {@code err}; returns its exit code. */
  public static int report(String command, Throwable e, PrintWriter err) {
    err.println(command + ": " + describe(e));
    err.flush();
    return exitCode(e);
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
