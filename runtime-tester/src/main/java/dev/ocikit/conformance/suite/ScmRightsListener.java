package dev.ocikit.conformance.suite;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.newsclub.net.unix.AFUNIXServerSocket;
import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * A listening UNIX stream socket that accepts one connection and keeps everything the runtime sends
 * on it: the bytes up to EOF and the file descriptors passed as SCM_RIGHTS ancillary data. Used for
 * {@code linux.seccomp.listenerPath} (the notify fd plus the container process state) and {@code
 * --console-socket} (the pty master). Java 17's own UNIX-domain channels cannot receive
 * descriptors, and reading such a message without them makes the kernel close them, so this goes
 * through junixsocket. Every received descriptor stays open until {@link #close()}: a console
 * socket's master must outlive the read, or the pty hangs up and SIGHUP kills the container's init.
 */
final class ScmRightsListener implements AutoCloseable {
  /** More than any process state or pty name a runtime sends; a runtime sending more is cut off. */
  static final int MAX_BYTES = 1 << 16;

  /**
   * What arrived on the one connection.
   *
   * @param data the bytes read, at most {@link #MAX_BYTES}
   * @param fds the descriptors received, in order, open until the listener closes
   * @param readsWithFds how many reads carried descriptors (the spec wants them on the first only)
   * @param eof whether the runtime closed its end within the read timeout
   * @param error why reading stopped early, or "" when it did not
   */
  record Message(
      byte[] data, List<FileDescriptor> fds, int readsWithFds, boolean eof, String error) {
    String text() {
      return new String(data, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  private final Path path;
  private final Duration readTimeout;
  private final AFUNIXServerSocket server;
  private final CompletableFuture<Message> message = new CompletableFuture<>();
  private final List<FileDescriptor> held = new ArrayList<>();
  private AFUNIXSocket connection;

  /**
   * Binds {@code path} and accepts in a daemon thread.
   *
   * @param readTimeout once something arrived, how long a read waits for more before the message
   *     counts as ended without EOF; before that the listener waits until closed
   */
  ScmRightsListener(Path path, Duration readTimeout) throws IOException {
    this.path = path;
    this.readTimeout = readTimeout;
    Files.deleteIfExists(path);
    server = AFUNIXServerSocket.newInstance();
    server.bind(AFUNIXSocketAddress.of(path));
    Thread t = new Thread(this::receive, "ocikit-scm-rights-listener");
    t.setDaemon(true);
    t.start();
  }

  Path path() {
    return path;
  }

  private void receive() {
    try {
      // Kept open until close(): junixsocket closes the received descriptors with the socket.
      AFUNIXSocket s = server.accept();
      synchronized (held) {
        connection = s;
      }
      s.setAncillaryReceiveBufferSize(1024);
      s.setSoTimeout((int) readTimeout.toMillis());
      message.complete(read(s));
    } catch (IOException e) {
      message.complete(null);
    }
  }

  private Message read(AFUNIXSocket s) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<FileDescriptor> fds = new ArrayList<>();
    int readsWithFds = 0;
    byte[] buf = new byte[4096];
    InputStream in = s.getInputStream();
    while (true) {
      int n;
      try {
        n = in.read(buf, 0, Math.min(buf.length, MAX_BYTES - out.size()));
      } catch (SocketTimeoutException e) {
        if (out.size() == 0 && fds.isEmpty()) {
          continue; // connected but not sent yet (crun sends when its init loads the filter)
        }
        return new Message(out.toByteArray(), fds, readsWithFds, false, "no EOF within timeout");
      }
      FileDescriptor[] got = s.getReceivedFileDescriptors();
      if (got != null && got.length > 0) {
        readsWithFds++;
        synchronized (held) {
          held.addAll(List.of(got));
        }
        fds.addAll(List.of(got));
      }
      if (n < 0) {
        return new Message(out.toByteArray(), fds, readsWithFds, true, "");
      }
      out.write(buf, 0, n);
      if (out.size() >= MAX_BYTES) {
        return new Message(out.toByteArray(), fds, readsWithFds, false, "over " + MAX_BYTES);
      }
    }
  }

  /** What arrived, or null when nobody connected within {@code millis} (or the accept failed). */
  Message await(long millis) {
    try {
      return message.get(millis, TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      return null;
    }
  }

  /** The descriptor's number in this JVM, for {@code /proc/self/fd}. */
  static int number(FileDescriptor fd) throws IOException {
    return FileDescriptorCast.using(fd).as(Integer.class);
  }

  /** What {@code /proc/self/fd/N} of a received descriptor points at, e.g. an anon inode. */
  static String target(FileDescriptor fd) {
    try {
      return Files.readSymbolicLink(Path.of("/proc/self/fd/" + number(fd))).toString();
    } catch (IOException | RuntimeException e) {
      return "<unreadable: " + e.getMessage() + ">";
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (held) {
      for (FileDescriptor fd : held) {
        try (FileInputStream closing = new FileInputStream(fd)) {
          // Closing the stream closes the descriptor the runtime sent.
        } catch (IOException ignored) {
          // Already closed by a reader; nothing left to release.
        }
      }
      held.clear();
      if (connection != null) {
        connection.close();
      }
    }
    Files.deleteIfExists(path);
  }
}
