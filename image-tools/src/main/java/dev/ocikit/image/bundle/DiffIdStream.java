package dev.ocikit.image.bundle;

import dev.ocikit.image.unpack.UnpackException;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.Hasher;
import dev.ocikit.spec.digest.VerifyingInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The uncompressed tar stream of a layer, hashed as it is read. At its end the hash must equal the
 * config's DiffID, and the compressed blob underneath is drained so that its own digest, size and
 * lack of trailing bytes are checked too. When decompression fails, a blob digest mismatch (the
 * real cause of a tampered blob) is reported in preference to the decompressor's complaint.
 */
final class DiffIdStream extends FilterInputStream {
  private final Hasher hasher; // null: the blob is the tar itself, its digest is the DiffID
  private final Digest diffId;
  private final VerifyingInputStream blob;
  private final String label;
  private boolean done;

  /**
   * @param sameAsBlob the tar is the blob itself and the DiffID equals the blob digest, which the
   *     blob stream already checks
   */
  DiffIdStream(
      InputStream tar, Digest diffId, boolean sameAsBlob, VerifyingInputStream blob, String label) {
    super(tar);
    this.hasher = sameAsBlob ? null : diffId.algorithm().newHasher();
    this.diffId = diffId;
    this.blob = blob;
    this.label = label;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (done) {
      return -1;
    }
    int n;
    try {
      n = in.read(b, off, len);
    } catch (BlobVerificationException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw preferBlobFailure(e);
    }
    if (n < 0) {
      done = true;
      finish();
      return -1;
    }
    if (hasher != null) {
      hasher.update(b, off, n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    byte[] buf = new byte[8192];
    long total = 0;
    while (total < n) {
      int r = read(buf, 0, (int) Math.min(buf.length, n - total));
      if (r < 0) {
        break;
      }
      total += r;
    }
    return total;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void finish() throws IOException {
    blob.drain();
    if (hasher != null) {
      Digest actual = hasher.digest();
      if (!actual.equals(diffId)) {
        throw new UnpackException(
            label
                + ": config rootfs.diff_ids says "
                + diffId
                + " but the uncompressed layer hashes to "
                + actual);
      }
    }
  }

  private IOException preferBlobFailure(Exception decompression) {
    try {
      blob.drain();
    } catch (BlobVerificationException tampered) {
      tampered.addSuppressed(decompression);
      return tampered;
    } catch (IOException ignored) {
      // fall through: the decompressor's error is the better description
    }
    return decompression instanceof IOException io
        ? io
        : new UnpackException(label + ": " + decompression, decompression);
  }
}
