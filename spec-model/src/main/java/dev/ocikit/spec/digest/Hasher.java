package dev.ocikit.spec.digest;

import java.nio.ByteBuffer;

/**
 * An incremental hash computation for one {@link DigestAlgorithm}, obtained from {@link
 * DigestAlgorithm#newHasher()}. Not thread-safe.
 */
public interface Hasher {

  /** {@return the algorithm this hasher computes} */
  DigestAlgorithm algorithm();

  /** Feeds {@code len} bytes of {@code bytes} starting at {@code off}. */
  void update(byte[] bytes, int off, int len);

  /** Feeds the remaining bytes of {@code buffer}, advancing its position to its limit. */
  void update(ByteBuffer buffer);

  /**
   * Completes the computation and returns the digest of every byte fed so far. The hasher is then
   * reset and can be reused for new content.
   */
  Digest digest();
}
