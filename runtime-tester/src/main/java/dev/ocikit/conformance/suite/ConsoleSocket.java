package dev.ocikit.conformance.suite;

import dev.ocikit.conformance.driver.CallResult;
import java.io.FileDescriptor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A listening UNIX socket for {@code create --console-socket} (the runc CLI convention that
 * runtime-tools' command-line API also names): the runtime connects and sends the pty master with
 * SCM_RIGHTS. Received through {@link ScmRightsListener}, so the harness holds the master and can
 * read what the container writes to its terminal and type into it. The master stays open until
 * {@link #close()}; closing it hangs the pty up and SIGHUP ends the container's process.
 */
final class ConsoleSocket implements AutoCloseable {
  private final ScmRightsListener listener;

  ConsoleSocket(Path path) throws IOException {
    listener = new ScmRightsListener(path, Duration.ofSeconds(2));
  }

  Path path() {
    return listener.path();
  }

  /**
   * {@code create --bundle DIR --console-socket PATH ID} for {@code c}, its config written first.
   */
  CallResult create(Context ctx, Container c) throws IOException {
    c.bundle().write();
    return ctx.driver()
        .call(
            List.of(
                "create",
                "--bundle",
                c.bundle().dir().toString(),
                "--console-socket",
                path().toString(),
                c.id()));
  }

  /** Whether a runtime connected and sent something within {@code millis}. */
  boolean awaitConnection(long millis) {
    return listener.await(millis) != null;
  }

  /**
   * The one descriptor the runtime sent, or null when it sent none or several within {@code
   * millis}; {@code why} then says what arrived.
   */
  FileDescriptor awaitMaster(long millis, StringBuilder why) {
    ScmRightsListener.Message m = listener.await(millis);
    if (m == null) {
      why.append("no connection within ").append(millis).append(" ms");
      return null;
    }
    if (m.fds().size() != 1) {
      why.append(m.fds().size()).append(" descriptors received, not 1");
      return null;
    }
    return m.fds().get(0);
  }

  @Override
  public void close() throws IOException {
    listener.close();
  }
}
