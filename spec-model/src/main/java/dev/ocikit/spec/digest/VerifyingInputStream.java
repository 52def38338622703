package dev.ocikit.spec.digest;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads content while checking it against a descriptor's digest and size.
 *
 * <p>Reads never go past the declared size. The read that reaches it also probes the underlying
 * stream for one more byte and finishes the hash, so the last bytes are returned only when the
 * content is exactly as declared; otherwise it throws {@link SizeMismatchException} (too short or
 * trailing data) or {@link DigestMismatchException}. A failure is thrown again by every later read.
 * Call {@link #drain()} to finish verification when the caller stops reading early.
 *
 * <p>For a well-formed but unverifiable algorithm (see {@link DigestAlgorithm#isVerifiable()}) the
 * size is still enforced, the digest is not checked, and {@link #verified()} stays false; {@link
 * #digestCheckable()} tells the caller in advance. Mark and reset are not supported.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/descriptor.md#verification">
 *     image-spec: verification</a>
 */
public final class VerifyingInputStream extends FilterInputStream {
  private final Digest expectedDigest;
  private final long expectedSize;
  private final String context;
  private final Hasher hasher; // null when the algorithm is unverifiable
  private long remaining;
  private boolean finished;
  private Digest actualDigest;
  private BlobVerificationException failure;
  private final byte[] single = new byte[1];

  /**
   * Wraps {@code in}, which this stream closes when it is closed.
   *
   * @param context a label for messages, e.g. {@code blobs/sha256/ab12…}
   * @param in the stream of the blob's bytes
   * @param expectedDigest the digest the content must hash to
   * @param expectedSize the number of bytes the content must have
   */
  public VerifyingInputStream(
      InputStream in, Digest expectedDigest, long expectedSize, String context) {
    super(Objects.requireNonNull(in, "in"));
    if (expectedSize < 0) {
      throw new IllegalArgumentException("negative expected size " + expectedSize);
    }
    this.expectedDigest = Objects.requireNonNull(expectedDigest, "expectedDigest");
    this.expectedSize = expectedSize;
    this.context = Objects.requireNonNull(context, "context");
    DigestAlgorithm algorithm = expectedDigest.algorithm();
    this.hasher = algorithm.isVerifiable() ? algorithm.newHasher() : null;
    this.remaining = expectedSize;
  }

  @Override
  public int read() throws IOException {
    int n = read(single, 0, 1);
    return n == -1 ? -1 : single[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (failure != null) {
      throw failure;
    }
    if (finished) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    if (remaining == 0) {
      finish();
      return -1;
    }
    int n = in.read(b, off, (int) Math.min(len, remaining));
    if (n < 0) {
      throw fail(new SizeMismatchException(context, expectedSize, expectedSize - remaining, false));
    }
    if (hasher != null) {
      hasher.update(b, off, n);
    }
    remaining -= n;
    if (remaining == 0) {
      finish();
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    // Skipped bytes must still be hashed, so read them instead of delegating.
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
  public int available() throws IOException {
    return finished ? 0 : (int) Math.min(in.available(), remaining);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int readlimit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported by " + getClass().getSimpleName());
  }

  /**
   * Reads and discards the rest of the content so that verification completes.
   *
   * @throws IOException if reading fails, or the content does not verify ({@link
   *     BlobVerificationException})
   */
  public void drain() throws IOException {
    byte[] buffer = new byte[8192];
    while (read(buffer, 0, buffer.length) != -1) {
      // discard
    }
  }

  /**
   * True once the whole content was read with the declared size and the expected digest.
   *
   * @return whether the content verified
   */
  public boolean verified() {
    return finished && failure == null && hasher != null;
  }

  /** {@return true once the whole content was read and had exactly the declared size} */
  public boolean sizeVerified() {
    return finished && (failure == null || failure instanceof DigestMismatchException);
  }

  /**
   * False when the expected digest's algorithm cannot be computed, so only size is checked.
   *
   * @return whether the digest can be checked
   */
  public boolean digestCheckable() {
    return hasher != null;
  }

  /**
   * The digest of the content read, once verification finished with a checkable algorithm.
   *
   * @return the digest, or empty
   */
  public Optional<Digest> actualDigest() {
    return Optional.ofNullable(actualDigest);
  }

  private void finish() throws IOException {
    finished = true;
    // Probe one byte: an underlying stream that continues past the declared size is tampered.
    if (in.read() != -1) {
      throw fail(new SizeMismatchException(context, expectedSize, expectedSize + 1, true));
    }
    if (hasher != null) {
      actualDigest = hasher.digest();
      if (!actualDigest.equals(expectedDigest)) {
        throw fail(new DigestMismatchException(context, expectedDigest, actualDigest));
      }
    }
  }

  private BlobVerificationException fail(BlobVerificationException e) {
    finished = true;
    failure = e;
    return e;
  }
}
