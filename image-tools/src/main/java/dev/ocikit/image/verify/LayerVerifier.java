package dev.ocikit.image.verify;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.Hasher;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.mediatype.Compression;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * Verifies one layer in a single pass, with no temporary files: the compressed bytes go through a
 * {@link VerifyingInputStream} (size and digest), are decompressed as the media type says, hashed
 * for the DiffID and parsed as tar for {@link LayerLint}. Every stream is drained to its end so the
 * digest, the DiffID and trailing data are all checked.
 */
final class LayerVerifier {
  // Compressed bytes handed to zlib per call; the inflated output goes straight to the scanner.
  private static final int INFLATE_INPUT = 1 << 18;
  private static final int MAX_NAME_IN_MESSAGE = 200;

  private final BlobReader blobs;
  private final Reporter reporter;
  private final WhiteoutChecks whiteouts;

  LayerVerifier(BlobReader blobs, Reporter reporter, WhiteoutChecks whiteouts) {
    this.blobs = blobs;
    this.reporter = reporter;
    this.whiteouts = whiteouts;
  }

  /**
   * What verifying one layer found out.
   *
   * @param diffId the DiffID; empty when the blob is missing, does not match its descriptor, or is
   *     not a layer at all (each reported)
   * @param paths the layer's paths and whiteouts, null when it could not be read as a tar
   */
  record Result(Optional<Digest> diffId, LayerLint.Paths paths) {
    static final Result FAILED = new Result(Optional.empty(), null);
  }

  /** Verifies the layer {@code ref}, computing its DiffID with {@code diffAlgorithm}. */
  Result verify(Ref ref, DigestAlgorithm diffAlgorithm) {
    VerifyingInputStream blob;
    try {
      blob = blobs.open(ref);
    } catch (IOException e) {
      blobs.unreadable(ref, e);
      return Result.FAILED;
    }
    if (blob == null) {
      return Result.FAILED;
    }
    try (blob) {
      LayerLint lint = new LayerLint();
      Compression c = ref.mediaType() == null ? Compression.UNKNOWN : ref.mediaType().compression();
      // An uncompressed layer's DiffID is its blob digest: the same bytes are hashed only once.
      boolean sameBytes =
          c != Compression.GZIP
              && c != Compression.ZSTD
              && blob.digestCheckable()
              && ref.digest().algorithm().equals(diffAlgorithm);
      Hasher diff = sameBytes ? null : diffAlgorithm.newHasher();
      try (InputStream plain = decompress(blob, c)) { // closing frees zstd's native state
        new TarScanner(plain, diff).scan(lint::entry);
        blob.drain(); // bytes after the end of the compressed stream
      } catch (IOException e) {
        failed(ref, blob, e);
        return Result.FAILED;
      }
      for (LayerLint.Problem p : lint.problems()) {
        reporter.at(
            p.rule(),
            ref.place(),
            ref.place().words()
                + " ("
                + ref.blobPath()
                + (p.unsafeName().isEmpty()
                    ? "): "
                    : "): entry \"" + shorten(p.unsafeName()) + "\" ")
                + p.why());
      }
      return new Result(
          sameBytes ? blob.actualDigest() : Optional.of(diff.digest()),
          whiteouts.keep(lint.paths()));
    } catch (IOException closeFailed) {
      blobs.unreadable(ref, closeFailed);
      return Result.FAILED;
    }
  }

  private static InputStream decompress(InputStream in, Compression c) throws IOException {
    return switch (c) {
      case GZIP -> new GZIPInputStream(in, INFLATE_INPUT);
      case ZSTD -> new ZstdInputStreamNoFinalizer(in);
      default -> in;
    };
  }

  /**
   * A read failed: when the blob itself does not match its descriptor, that is the finding (a
   * flipped byte usually breaks decompression first); otherwise the layer is malformed.
   */
  private void failed(Ref ref, VerifyingInputStream blob, IOException e) {
    if (e instanceof BlobVerificationException b) {
      blobs.mismatch(ref, b);
      return;
    }
    try {
      blob.drain();
    } catch (BlobVerificationException b) {
      blobs.mismatch(ref, b);
      return;
    } catch (IOException io) {
      blobs.unreadable(ref, io);
      return;
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
  }

  private static String shorten(String name) {
    return name.length() <= MAX_NAME_IN_MESSAGE
        ? name
        : name.substring(0, MAX_NAME_IN_MESSAGE) + "… (" + name.length() + " characters)";
  }
}
