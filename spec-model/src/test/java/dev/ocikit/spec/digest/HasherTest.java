package dev.ocikit.spec.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HasherTest {
  private static final byte[] CONTENT = DigestVectors.pattern(4097);
  private static final Map<DigestAlgorithm, String> EXPECTED =
      Map.of(
          DigestAlgorithm.SHA256, DigestVectors.SHA256_PATTERN_4097,
          DigestAlgorithm.SHA512, DigestVectors.SHA512_PATTERN_4097,
          DigestAlgorithm.BLAKE3, DigestVectors.BLAKE3_PATTERN_4097);
  private static final Map<DigestAlgorithm, String> EMPTY =
      Map.of(
          DigestAlgorithm.SHA256, DigestVectors.SHA256_EMPTY,
          DigestAlgorithm.SHA512, DigestVectors.SHA512_EMPTY,
          DigestAlgorithm.BLAKE3, DigestVectors.BLAKE3_EMPTY);

  @Test
  void unevenChunksGiveTheOneShotDigest() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.registered()) {
      Hasher hasher = algorithm.newHasher();
      int[] sizes = {1, 0, 7, 1023, 1, 64, 2000};
      int off = 0;
      for (int i = 0; off < CONTENT.length; i++) {
        int n = Math.min(sizes[i % sizes.length], CONTENT.length - off);
        hasher.update(CONTENT, off, n);
        off += n;
      }
      assertEquals(EXPECTED.get(algorithm), hasher.digest().encoded(), algorithm.name());
    }
  }

  @Test
  void heapDirectAndReadOnlyBuffersGiveTheSameDigest() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.registered()) {
      ByteBuffer direct = ByteBuffer.allocateDirect(CONTENT.length).put(CONTENT).flip();
      // A slice has a non-zero array offset; the position skips two more leading bytes.
      ByteBuffer sliced = ByteBuffer.wrap(new byte[CONTENT.length + 10]).position(5).slice();
      sliced.put(new byte[] {9, 9}).put(CONTENT).flip().position(2);
      ByteBuffer[] buffers = {
        ByteBuffer.wrap(CONTENT), direct, ByteBuffer.wrap(CONTENT).asReadOnlyBuffer(), sliced
      };
      for (ByteBuffer buffer : buffers) {
        Hasher hasher = algorithm.newHasher();
        hasher.update(buffer);
        assertEquals(0, buffer.remaining(), "buffer consumed");
        assertEquals(EXPECTED.get(algorithm), hasher.digest().encoded(), algorithm + " " + buffer);
      }
    }
  }

  @Test
  void digestResetsTheHasher() {
    for (DigestAlgorithm algorithm : DigestAlgorithm.registered()) {
      Hasher hasher = algorithm.newHasher();
      hasher.update(CONTENT, 0, CONTENT.length);
      assertEquals(EXPECTED.get(algorithm), hasher.digest().encoded());
      assertEquals(EMPTY.get(algorithm), hasher.digest().encoded(), algorithm.name());
    }
  }
}
