package dev.ocikit.image.layout;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.Hasher;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.mediatype.Compression;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.util.zip.GZIPInputStream;

/**
 * The one pipeline for a layer's bytes, shared by validation and unpacking: the blob is read once
 * through a {@link VerifyingInputStream} (size, digest, trailing bytes), decompressed as its media
 * type says, and the uncompressed tar stream read from this object is hashed for the DiffID on its
 * way to the tar consumer. At the end of the tar stream the blob is drained, so its digest is
 * checked too, and {@link #diffId()} is known. An uncompressed layer whose DiffID uses the blob's
 * algorithm is hashed only once (its DiffID is its digest).
 *
 * <p>When decompression fails and the blob itself does not match its descriptor, the blob's {@link
 * BlobVerificationException} is thrown: a tampered blob usually breaks the decompressor first.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md#layer-diffid">
 *     image-spec: layer DiffID</a>
 */
public final class LayerContent extends FilterInputStream {
  /** Compressed bytes handed to zlib per call. */
  private static final int INFLATE_INPUT = 1 << 18;

  private final VerifyingInputStream blob;
  private final Hasher hasher; // null: the tar is the blob, whose digest is the DiffID
  private Digest diffId;
  private boolean finished;

  private LayerContent(InputStream plain, VerifyingInputStream blob, Hasher hasher) {
    super(plain);
    this.blob = blob;
    this.hasher = hasher;
  }

  /**
   * Reads the layer in {@code blob} (whose descriptor digest is {@code blobDigest}).
   *
   * @param compression as the media type says; {@link Compression#UNKNOWN} sniffs the magic bytes
   * @param diffAlgorithm the algorithm of the config's DiffID for this layer
   */
  public static LayerContent open(
      VerifyingInputStream blob,
      Digest blobDigest,
      Compression compression,
      DigestAlgorithm diffAlgorithm)
      throws IOException {
    return open(blob, blobDigest, compression, diffAlgorithm, null);
  }

  /**
   * Like {@link #open(VerifyingInputStream, Digest, Compression, DigestAlgorithm)}, but reading,
   * verifying and decompressing the blob run on a {@link ReadAhead} thread named after {@code
   * name}, while the DiffID is hashed on the thread that reads this stream: one layer keeps two
   * cores busy.
   */
  public static LayerContent openReadAhead(
      VerifyingInputStream blob,
      Digest blobDigest,
      Compression compression,
      DigestAlgorithm diffAlgorithm,
      String name)
      throws IOException {
    return open(
        blob, blobDigest, compression, diffAlgorithm, java.util.Objects.requireNonNull(name));
  }

  private static LayerContent open(
      VerifyingInputStream blob,
      Digest blobDigest,
      Compression compression,
      DigestAlgorithm diffAlgorithm,
      String readAhead)
      throws IOException {
    InputStream source = blob;
    Compression c = compression;
    if (c == Compression.UNKNOWN) {
      PushbackInputStream sniffed = new PushbackInputStream(blob, 4);
      c = sniff(sniffed);
      source = sniffed;
    }
    boolean sameBytes =
        c == Compression.NONE
            && blob.digestCheckable()
            && blobDigest.algorithm().equals(diffAlgorithm);
    InputStream plain;
    try {
      plain = decompress(source, c);
    } catch (BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw preferBlobFailure(blob, e);
    }
    Hasher hasher = sameBytes ? null : diffAlgorithm.newHasher();
    if (readAhead == null) {
      return new LayerContent(plain, blob, hasher);
    }
    // The reader thread sees decompression failures first, so it asks the blob about them there.
    InputStream checked =
        new FilterInputStream(plain) {
          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            try {
              return in.read(b, off, len);
            } catch (BlobVerificationException e) {
              throw e;
            } catch (IOException e) {
              throw preferBlobFailure(blob, e);
            }
          }
        };
    return new LayerContent(new ReadAhead(checked, blob, readAhead), blob, hasher);
  }

  /** Decompresses {@code in}: gzip with the JDK's zlib, zstd with zstd-jni, anything else as is. */
  public static InputStream decompress(InputStream in, Compression c) throws IOException {
    return switch (c) {
      case GZIP -> new GZIPInputStream(in, INFLATE_INPUT);
      case ZSTD -> new ZstdInputStreamNoFinalizer(in);
      default -> in;
    };
  }

  /**
   * gzip or zstd by their magic bytes (which are pushed back); anything else is taken as plain tar.
   */
  public static Compression sniff(PushbackInputStream in) throws IOException {
    byte[] m = in.readNBytes(4);
    in.unread(m);
    if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
      return Compression.GZIP;
    }
    boolean zstd =
        m.length == 4
            && (m[0] & 0xff) == 0x28
            && (m[1] & 0xff) == 0xb5
            && (m[2] & 0xff) == 0x2f
            && (m[3] & 0xff) == 0xfd;
    return zstd ? Compression.ZSTD : Compression.NONE;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (finished) {
      return -1;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (BlobVerificationException e) {
      throw e;
    } catch (IOException e) {
      throw preferBlobFailure(blob, e);
    }
    if (n < 0) {
      finished = true;
      blob.drain(); // bytes after the end of the compressed stream, then the digest
      diffId = hasher == null ? blob.actualDigest().orElseThrow() : hasher.digest();
      return -1;
    }
    if (hasher != null) {
      hasher.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    return drainUpTo(n); // skipped bytes are hashed too
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** Reads the rest (padding after the tar end marker, trailing data) so every check completes. */
  public void drain() throws IOException {
    drainUpTo(Long.MAX_VALUE);
  }

  private long drainUpTo(long n) throws IOException {
    byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 1 << 16)];
    long total = 0;
    while (total < n) {
      int r = read(buffer, 0, (int) Math.min(buffer.length, n - total));
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }

  /** {@return the blob underneath, e.g. to ask whether its digest could be checked} */
  public VerifyingInputStream blob() {
    return blob;
  }

  /**
   * The DiffID of the uncompressed stream.
   *
   * @throws IllegalStateException before the stream was read to its end
   */
  public Digest diffId() {
    if (diffId == null) {
      throw new IllegalStateException("the layer was not read to its end");
    }
    return diffId;
  }

  @Override
  public void close() throws IOException {
    try {
      in.close(); // frees zstd's native state
    } finally {
      blob.close();
    }
  }

  private static IOException preferBlobFailure(VerifyingInputStream blob, IOException cause) {
    try {
      blob.drain();
    } catch (BlobVerificationException tampered) {
      tampered.addSuppressed(cause);
      return tampered;
    } catch (IOException ignored) {
      // the decompressor's error describes it better
    }
    return cause;
  }
}
