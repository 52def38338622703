package dev.ocikit.spec.digest;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** A {@link Hasher} backed by a JDK {@link MessageDigest}, which uses CPU intrinsics for SHA-2. */
final class MessageDigestHasher implements Hasher {
  private final DigestAlgorithm algorithm;
  private final MessageDigest messageDigest;

  MessageDigestHasher(DigestAlgorithm algorithm, String jdkName) {
    this.algorithm = algorithm;
    try {
      this.messageDigest = MessageDigest.getInstance(jdkName);
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256 and SHA-512.
      throw new IllegalStateException("JDK lacks the required " + jdkName + " digest", e);
    }
  }

  @Override
  public DigestAlgorithm algorithm() {
    return algorithm;
  }

  @Override
  public void update(byte[] bytes, int off, int len) {
    messageDigest.update(bytes, off, len);
  }

  @Override
  public void update(ByteBuffer buffer) {
    messageDigest.update(buffer);
  }

  @Override
  public Digest digest() {
    return Digest.of(algorithm, messageDigest.digest());
  }
}
