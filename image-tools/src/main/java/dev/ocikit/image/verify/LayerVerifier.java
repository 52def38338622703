package dev.ocikit.image.verify;

import com.github.luben.zstd.ZstdInputStream;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.mediatype.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Verifies one layer in a single pass, with no temporary files: the compressed bytes go through a
 * {@link VerifyingInputStream} (size and digest), are decompressed as the media type says, hashed
 * for the DiffID and parsed as tar for {@link LayerLint}. Every stream is drained to its end so the
 * digest, the DiffID and trailing data are all checked.
 */
final class LayerVerifier {
  private static final int BUFFER = 1 << 16;
  // Read 512-byte records one at a time: writers such as Go's archive/tar do not pad the end
  // marker to a 10240-byte block, and the padding (if any) is drained and hashed anyway.
  private static final int TAR_BLOCK = 512;
  private static final int MAX_NAME_IN_MESSAGE = 200;

  private final BlobReader blobs;
  private final Reporter reporter;

  LayerVerifier(BlobReader blobs, Reporter reporter) {
    this.blobs = blobs;
    this.reporter = reporter;
  }

  /**
   * Verifies the layer {@code ref} and returns its DiffID computed with {@code diffAlgorithm};
   * empty when the blob is missing, does not match its descriptor, or is not a layer at all (each
   * reported).
   */
  Optional<Digest> verify(Ref ref, DigestAlgorithm diffAlgorithm) {
    VerifyingInputStream blob;
    try {
      blob = blobs.open(ref);
    } catch (IOException e) {
      blobs.unreadable(ref, e);
      return Optional.empty();
    }
    if (blob == null) {
      return Optional.empty();
    }
    try (blob) {
      LayerLint lint = new LayerLint();
      HashingInputStream diff;
      try {
        InputStream plain = decompress(new BufferedInputStream(blob, BUFFER), ref);
        diff = new HashingInputStream(plain, diffAlgorithm);
        TarArchiveInputStream tar =
            new TarArchiveInputStream(diff, TAR_BLOCK, TAR_BLOCK, "UTF-8", false);
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
          lint.entry(e.getName());
        }
        diff.drain(); // tar end padding
        blob.drain(); // bytes after the end of the compressed stream
      } catch (IOException e) {
        return failed(ref, blob, e);
      }
      for (LayerLint.Problem p : lint.problems()) {
        reporter.at(
            p.rule(),
            ref.place(),
            ref.place().words()
                + " ("
                + ref.blobPath()
                + "): entry \""
                + shorten(p.unsafeName())
                + "\" "
                + p.why());
      }
      return Optional.of(diff.digest());
    } catch (IOException closeFailed) {
      blobs.unreadable(ref, closeFailed);
      return Optional.empty();
    }
  }

  private static InputStream decompress(InputStream in, Ref ref) throws IOException {
    Compression c = ref.mediaType() == null ? Compression.UNKNOWN : ref.mediaType().compression();
    return switch (c) {
      case GZIP -> new GZIPInputStream(in, BUFFER);
      case ZSTD -> new ZstdInputStream(in);
      default -> in;
    };
  }

  /**
   * A read failed: when the blob itself does not match its descriptor, that is the finding (a
   * flipped byte usually breaks decompression first); otherwise the layer is malformed.
   */
  private Optional<Digest> failed(Ref ref, VerifyingInputStream blob, IOException e) {
    if (e instanceof BlobVerificationException b) {
      blobs.mismatch(ref, b);
      return Optional.empty();
    }
    try {
      blob.drain();
    } catch (BlobVerificationException b) {
      blobs.mismatch(ref, b);
      return Optional.empty();
    } catch (IOException io) {
      blobs.unreadable(ref, io);
      return Optional.empty();
    }
    reporter.at(
        ImageRules.LAYER_FORMAT,
        ref.place().child("mediaType"),
        ref.place().words()
            + ".mediaType="
            + ref.descriptor().mediaType()
            + " but "
            + ref.blobPath()
            + " does not decompress to a tar archive: "
            + e.getMessage());
    return Optional.empty();
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME_IN_MESSAGE
        ? name
        : name.substring(0, MAX_NAME_IN_MESSAGE) + "… (" + name.length() + " characters)";
  }
}
