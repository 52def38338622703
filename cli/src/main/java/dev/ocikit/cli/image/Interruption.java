package dev.ocikit.cli.image;

import dev.ocikit.image.unpack.Cancellation;
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
    this.name = spec.qualifiedName();
    this.hook = new Thread(this::stop, "ocikit-interrupt");
  }

  /** Installs the hook until {@link #close()}. */
  static Interruption install(CommandSpec spec) {
    Interruption i = new Interruption(spec);
    Runtime.getRuntime().addShutdownHook(i.hook);
    return i;
  }

  /** What the command hands to the unpack. */
  Cancellation cancellation() {
    return cancellation;
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
