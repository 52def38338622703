package dev.ocikit.spec.digest;

import java.nio.ByteBuffer;
import org.bouncycastle.crypto.digests.Blake3Digest;

/** A {@link Hasher} for BLAKE3 with the default 256-bit output, backed by Bouncy Castle. */
final class Blake3Hasher implements Hasher {
  private static final int OUTPUT_BITS = 256;
  private static final int COPY_CHUNK = 16 * 1024;

  private final Blake3Digest blake3 = new Blake3Digest(OUTPUT_BITS);
  private byte[] copyBuffer;

  @Override
  public DigestAlgorithm algorithm() {
    return DigestAlgorithm.BLAKE3;
  }

  @Override
  public void update(byte[] bytes, int off, int len) {
    blake3.update(bytes, off, len);
  }

  @Override
  public void update(ByteBuffer buffer) {
    if (buffer.hasArray()) {
      int pos = buffer.position();
      blake3.update(buffer.array(), buffer.arrayOffset() + pos, buffer.remaining());
      buffer.position(buffer.limit());
      return;
    }
    // Direct or read-only buffers expose no array: copy through a reusable chunk.
    if (copyBuffer == null) {
      copyBuffer = new byte[COPY_CHUNK];
    }
    while (buffer.hasRemaining()) {
      int n = Math.min(copyBuffer.length, buffer.remaining());
      buffer.get(copyBuffer, 0, n);
      blake3.update(copyBuffer, 0, n);
    }
  }

  @Override
  public Digest digest() {
    byte[] out = new byte[blake3.getDigestSize()];
    blake3.doFinal(out, 0); // doFinal also resets the digest
    return Digest.of(DigestAlgorithm.BLAKE3, out);
  }
}
