package dev.ocikit.image.verify;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.Hasher;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Hashes every byte read through it, e.g. the uncompressed tar stream for a layer's DiffID. */
final class HashingInputStream extends FilterInputStream {
  private final Hasher hasher;
  private long count;

  HashingInputStream(InputStream in, DigestAlgorithm algorithm) {
    super(in);
    this.hasher = algorithm.newHasher();
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = in.read(b, off, len);
    if (n > 0) {
      hasher.update(b, off, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 0), 8192)];
    long skipped = 0;
    while (skipped < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads the rest of the stream so the hash covers it all. */
  void drain() throws IOException {
    skip(Long.MAX_VALUE);
  }

  /** Bytes read so far. */
  long count() {
    return count;
  }

  /** The digest of every byte read; call once, at the end. */
  Digest digest() {
    return hasher.digest();
  }
}
