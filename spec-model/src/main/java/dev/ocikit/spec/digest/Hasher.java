package dev.ocikit.spec.digest;

import java.nio.ByteBuffer;

/**
 * An incremental hash computation for one {@link DigestAlgorithm}, obtained from {@link
 * DigestAlgorithm#newHasher()}. Not thread-safe.
 */
public interface Hasher {

  /** {@return the algorithm this hasher computes} */
  DigestAlgorithm algorithm();

  /**
   * Feeds {@code len} bytes of {@code bytes} starting at {@code off}.
   *
   * @param bytes the array holding the data
   * @param off where the data starts
   * @param len how many bytes to feed
   */
  void update(byte[] bytes, int off, int len);

  /**
   * Feeds the remaining bytes of {@code buffer}, advancing its position to its limit.
   *
   * @param buffer the data, from its position to its limit
   */
  void update(ByteBuffer buffer);

  /**
   * Completes the computation and returns the digest of every byte fed so far. The hasher is then
   * reset and can be reused for new content.
   *
   * @return the digest of the content
   */
  Digest digest();
}
