package dev.ocikit.cli.image;

import dev.ocikit.cli.support.Errors;
import dev.ocikit.image.Cancellation;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Stops a command's unpack when the process is told to stop: SIGINT and SIGTERM (and anything else
 * that starts the JVM's shutdown) run a shutdown hook that cancels the unpack, then waits until the
 * command has removed its partial tree and said so in one line; then the JVM exits with 128 + the
 * signal number (130, 143). The hook never touches the tree itself: only the unpacking thread does,
 * so the two cannot race.
 */
final class Interruption implements AutoCloseable {
  /** How long the hook waits for the command before the process exits anyway. */
  private static final long WAIT_SECONDS = 60;

  private final Cancellation cancellation = new Cancellation();
  private final CountDownLatch finished = new CountDownLatch(1);
  private final PrintWriter err;
  private final String name;
  private final Thread hook;

  private Interruption(CommandSpec spec) {
    this.err = spec.commandLine().getErr();
    this.name = Errors.commandName(spec);
    this.hook = new Thread(this::stop, "ocikit-interrupt");
  }

  /** A command body; its unpack takes {@code cancellation}, which an interrupt triggers. */
  interface Body {
    int run(Cancellation cancellation) throws IOException;
  }

  /**
   * Runs {@code body} under the hook. A failure is reported here, before the hook is removed, so
   * that after an interrupt the command's one line is out before the JVM exits.
   */
  static int run(CommandSpec spec, Body body) {
    try (Interruption interruption = install(spec)) {
      try {
        return body.run(interruption.cancellation);
      } catch (IOException | RuntimeException e) {
        return Errors.report(interruption.name, e, interruption.err);
      }
    }
  }

  /** Installs the hook until {@link #close()}. */
  static Interruption install(CommandSpec spec) {
    Interruption i = new Interruption(spec);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  private void stop() {
    cancellation.cancel();
    try {
      if (finished.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
        return; // the command has reported how it ended
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    err.println(
        name
            + ": interrupted; the unpack did not stop in time, and the next unpack into the same"
            + " directory removes what it left");
    err.flush();
  }

  /** The command is over: the hook has nothing more to wait for. */
  @Override
  public void close() {
    finished.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running (or ran) and returns now
    }
  }
}
