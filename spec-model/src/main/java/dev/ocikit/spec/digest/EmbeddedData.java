package dev.ocikit.spec.digest;

import java.util.Base64;
import java.util.Optional;

/**
 * A descriptor's embedded {@code data} held against the descriptor's digest and size: the one check
 * behind every use of embedded content, whether a validator reports a mismatch or a reader uses the
 * content in place of a missing blob.
 *
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md#embedded-content">
 *     image-spec v1.1.1: embedded content</a>
 */
public final class EmbeddedData {
  private EmbeddedData() {}

  /**
   * The bytes {@code data} encodes, or empty when it is not standard base64 (the descriptor schema
   * reports that).
   *
   * @param data the descriptor's {@code data} value
   * @return the decoded bytes, or empty
   */
  public static Optional<byte[]> decode(String data) {
    try {
      return Optional.of(Base64.getDecoder().decode(data));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /**
   * Whether {@code content} is what the descriptor describes: exactly {@code size} bytes, hashing
   * to {@code digest} when its algorithm can be computed (otherwise only the size can be held
   * against it).
   *
   * @param content the decoded bytes
   * @param digest the descriptor's digest
   * @param size the descriptor's size
   * @return whether size and (where computable) digest agree
   */
  public static boolean matches(byte[] content, Digest digest, long size) {
    return content.length == size
        && (!digest.algorithm().isVerifiable()
            || Digest.compute(digest.algorithm(), content).equals(digest));
  }

  /**
   * The decoded content of {@code data} when it matches the descriptor, else empty: what a reader
   * may use instead of the blob.
   *
   * @param data the descriptor's {@code data} value
   * @param digest the descriptor's digest
   * @param size the descriptor's size
   * @return the verified bytes, or empty
   */
  public static Optional<byte[]> verified(String data, Digest digest, long size) {
    return data == null ? Optional.empty() : decode(data).filter(b -> matches(b, digest, size));
  }

  /**
   * {@code content} in words for a message: its length, and its digest under {@code algorithm}.
   *
   * @param content the bytes to describe
   * @param algorithm the algorithm to hash them with
   * @return the description, e.g. {@code 3 bytes, sha256:…}
   */
  public static String describe(byte[] content, DigestAlgorithm algorithm) {
    return content.length
        + " bytes"
        + (algorithm.isVerifiable() ? " hashing to " + Digest.compute(algorithm, content) : "");
  }
}
