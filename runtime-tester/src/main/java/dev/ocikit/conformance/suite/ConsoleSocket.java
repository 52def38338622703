package dev.ocikit.conformance.suite;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A listening UNIX socket for {@code create --console-socket}: the runtime connects and sends the
 * pty master with SCM_RIGHTS. Java 17's {@code SocketChannel} cannot receive file descriptors, and
 * reading the message without them makes the kernel drop the master: the pty hangs up and SIGHUP
 * kills the container's init (runc 1.1.5 then fails create). So the connection is accepted and left
 * unread until {@link #close()}: the master stays open in flight, the container keeps a live
 * terminal, and tests judge the connection and the process's stdio, not the pty's content.
 */
final class ConsoleSocket implements AutoCloseable {
  private final Path path;
  private final ServerSocketChannel server;
  private final CompletableFuture<SocketChannel> connection = new CompletableFuture<>();

  ConsoleSocket(Path path) throws IOException {
    this.path = path;
    Files.deleteIfExists(path);
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(path));
    Thread t = new Thread(this::accept, "ocikit-console-socket");
    t.setDaemon(true);
    t.start();
  }

  Path path() {
    return path;
  }

  private void accept() {
    try {
      connection.complete(server.accept());
    } catch (IOException e) {
      connection.complete(null);
    }
  }

  /** Whether a runtime connected within {@code millis}. */
  boolean awaitConnection(long millis) {
    try {
      return connection.get(millis, TimeUnit.MILLISECONDS) != null;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    SocketChannel ch = connection.getNow(null);
    if (ch != null) {
      ch.close();
    }
    Files.deleteIfExists(path);
  }
}
