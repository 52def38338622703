package dev.ocikit.image.layout;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Reads a layer's stream on its own thread, so that reading, verifying, decompressing and hashing
 * (one core) overlap with what consumes the tar stream (another): applying entries to the
 * filesystem when unpacking, hashing the DiffID and parsing tar headers when validating. At most
 * {@link #CHUNKS} chunks of {@value #CHUNK} bytes wait between the two, which bounds memory and
 * keeps a decompression bomb from running ahead of the byte budget. The source is read to its end
 * on the reader thread, so its checks (blob digest, DiffID) run there; a failure is thrown to the
 * consumer at the point it occurred in the stream, and closing stops the reader.
 */
public final class ReadAhead extends InputStream {
  /** Bytes per chunk handed from the reader thread to the consumer. */
  public static final int CHUNK = 1 << 20;

  /**
   * Chunks that may wait between the two threads: 4 to 64, at most an eighth of the heap. Both
   * sides are bursty (a run of small files is slow to apply and quick to inflate, a large file the
   * other way round); with 4 MiB between them the unpack of a large image spent a third of its time
   * with one thread waiting for the other, with 32 MiB or more about 10-15% less wall time. Chunks
   * are allocated only as the queue fills, so a small layer never takes them all.
   */
  public static final int CHUNKS =
      (int) Math.max(4, Math.min(64, Runtime.getRuntime().maxMemory() / 8 / (1 << 20)));

  private static final Chunk END = new Chunk(new byte[0], 0, null);

  private record Chunk(byte[] bytes, int length, Throwable failure) {}

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS);
  // Chunks the consumer has finished with, reused so a layer allocates a handful, not one per MiB.
  private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS + 2);
  private final Thread reader;
  private volatile boolean closed;
  private Chunk current;
  private int pos;
  private boolean ended;

  /**
   * Starts reading {@code source} and, after its end, the rest of {@code trailer} (the compressed
   * stream under a decompressor: bytes after the end of the compressed data); both are closed by
   * the reader thread.
   */
  public ReadAhead(InputStream source, InputStream trailer, String name) {
    this.reader = new Thread(() -> pump(source, trailer), "ocikit-read-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  private void pump(InputStream source, InputStream trailer) {
    try (trailer;
        source) {
      while (!closed) {
        byte[] b = free.poll();
        if (b == null) {
          b = new byte[CHUNK];
        }
        int n = source.readNBytes(b, 0, CHUNK);
        if (n == 0) {
          break;
        }
        if (!offer(new Chunk(b, n, null))) {
          return;
        }
      }
      if (!closed) {
        trailer.transferTo(OutputStream.nullOutputStream());
        offer(END);
      }
    } catch (Throwable t) { // handed to the consumer, which reports it
      offer(new Chunk(null, 0, t));
    }
  }

  /** Waits for room; false once the consumer has closed. */
  private boolean offer(Chunk c) {
    try {
      while (!closed) {
        if (queue.offer(c, 100, TimeUnit.MILLISECONDS)) {
          return true;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return false;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (!next()) {
      return -1;
    }
    int n = Math.min(len, current.length() - pos);
    System.arraycopy(current.bytes(), pos, b, off, n);
    pos += n;
    return n;
  }

  /** Makes {@link #current} hold unread bytes; false at the end of the stream. */
  private boolean next() throws IOException {
    while (!ended && (current == null || pos == current.length())) {
      if (current != null && current.bytes() != null && current.bytes().length == CHUNK) {
        free.offer(current.bytes());
      }
      try {
        current = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading the layer");
      }
      pos = 0;
      if (current == END) {
        ended = true;
      } else if (current.failure() != null) {
        ended = true;
        throw asIo(current.failure());
      }
    }
    return !ended;
  }

  private static IOException asIo(Throwable t) {
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof RuntimeException r) {
      throw r;
    }
    if (t instanceof Error e) {
      throw e;
    }
    return new IOException(t);
  }

  @Override
  public void close() throws IOException {
    closed = true;
    queue.clear(); // frees a reader blocked on a full queue
    try {
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
