package dev.ocikit.image.layout;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A window of a shared file channel read with positional reads, so several threads can stream
 * different archive entries at once. Closing it leaves the channel open.
 */
final class ChannelSlice extends InputStream {
  private final FileChannel channel;
  private final long start;
  private final long length;
  private long pos;

  ChannelSlice(FileChannel channel, long start, long length) {
    this.channel = channel;
    this.start = start;
    this.length = length;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (pos >= length) {
      return -1;
    }
    int want = (int) Math.min(len, length - pos);
    int n = channel.read(ByteBuffer.wrap(b, off, want), start + pos);
    if (n < 0) {
      throw new IOException("archive ends inside an entry, " + (length - pos) + " bytes short");
    }
    pos += n;
    return n;
  }

  @Override
  public int available() {
    return (int) Math.min(Integer.MAX_VALUE, length - pos);
  }
}
