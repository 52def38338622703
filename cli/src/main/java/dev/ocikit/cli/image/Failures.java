package dev.ocikit.cli.image;

import dev.ocikit.image.bundle.ConversionException;
import dev.ocikit.image.unpack.Cancellation;
import dev.ocikit.image.unpack.UnpackCancelledException;
import dev.ocikit.image.unpack.UnpackException;
import dev.ocikit.spec.digest.BlobVerificationException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs a command body, stopping its unpack cleanly on an interrupt ({@link Interruption}), and
 * turns expected failures into one line on standard error and an exit code: 1 when the image failed
 * verification or cannot be converted (tampered or corrupt blob, DiffID mismatch, hostile layer,
 * unknown user), 2 for usage errors and unreadable input, 130 when the unpack was cancelled by an
 * interrupt.
 */
final class Failures {
  static final int VERIFICATION = 1;
  static final int USAGE_OR_UNREADABLE = 2;

  /** 128 + SIGINT; on a signal the JVM itself exits with 128 + its number. */
  static final int INTERRUPTED = 130;

  private Failures() {}

  /** A command body; its unpack takes {@code cancellation}, which an interrupt triggers. */
  interface Body {
    int run(Cancellation cancellation) throws IOException;
  }

  static int run(CommandSpec spec, Body body) {
    try (Interruption interruption = Interruption.install(spec)) {
      return report(spec, body, interruption.cancellation());
    }
  }

  private static int report(CommandSpec spec, Body body, Cancellation cancellation) {
    PrintWriter err = spec.commandLine().getErr();
    String name = spec.qualifiedName();
    try {
      return body.run(cancellation);
    } catch (IllegalArgumentException e) {
      err.println(name + ": " + e.getMessage());
      return USAGE_OR_UNREADABLE;
    } catch (UnpackCancelledException e) {
      err.println(name + ": interrupted; " + e.outcome());
      return INTERRUPTED;
    } catch (IOException e) {
      err.println(name + ": " + describe(e));
      return isVerification(e) ? VERIFICATION : USAGE_OR_UNREADABLE;
    } finally {
      err.flush();
    }
  }

  static boolean isVerification(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlobVerificationException
          || t instanceof UnpackException
          || t instanceof ConversionException) {
        return true;
      }
    }
    return false;
  }

  static String describe(IOException e) {
    if (e instanceof AccessDeniedException a) {
      return a.getFile() + ": permission denied";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getFile() + ": " + f.getReason();
    }
    String m = e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.replace('\n', ' ');
  }
}
