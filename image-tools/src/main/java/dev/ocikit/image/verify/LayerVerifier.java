package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.image.layout.LayerContent;
import dev.ocikit.image.tar.SparseEntryException;
import dev.ocikit.image.tar.TarEntry;
import dev.ocikit.image.tar.TarLimitException;
import dev.ocikit.image.tar.TarReader;
import dev.ocikit.spec.UntrustedText;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.mediatype.Compression;
import java.io.IOException;
import java.util.Optional;

/**
 * Verifies one layer in a single pass, with no temporary files: the shared {@link LayerContent}
 * pipeline checks the blob's size and digest and decompresses it on a read-ahead thread, and this
 * thread hashes the DiffID and reads the tar stream with the one {@link TarReader} (the reader
 * unpacking uses, under the same limits) for {@link LayerLint}. Every stream is drained to its end
 * so the digest, the DiffID and trailing data are all checked, also after a sparse entry, which the
 * reader refuses and which is reported as a finding.
 */
final class LayerVerifier {
  /** A layer decompresses to a tar archive. */
  static final RuleInfo LAYER_FORMAT =
      ImageRules.rule(
          "image.layer.format",
          Level.MUST,
          "A layer blob decompresses as its media type says into a tar archive.",
          "layer.md#distributable-format");

  private final BlobReader blobs;
  private final Reporter reporter;
  private final WhiteoutChecks whiteouts;
  private final LayerReading reading;

  LayerVerifier(
      BlobReader blobs, Reporter reporter, WhiteoutChecks whiteouts, LayerReading reading) {
    this.blobs = blobs;
    this.reporter = reporter;
    this.whiteouts = whiteouts;
    this.reading = reading;
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
      // An unknown media type is reported by the descriptor rules; its bytes are read as plain tar.
      Compression declared = c == Compression.UNKNOWN ? Compression.NONE : c;
      Digest diffId;
      try (LayerContent layer =
          LayerContent.openReadAhead(
              blob, ref.digest(), declared, diffAlgorithm, Ref.shortName("layer", ref.digest()))) {
        TarReader tar = new TarReader(layer, reading.budget());
        try {
          for (TarEntry e; (e = tar.next()) != null; ) {
            reading.observe(ref, e);
            lint.entry(e);
          }
          if (tar.endMarkerMissing()) {
            lint.endMarkerMissing();
          }
        } catch (SparseEntryException sparse) {
          lint.sparse(sparse);
          tar.drain(); // the DiffID and the digest are still checked
        }
        layer.drain();
        diffId = layer.diffId();
      } catch (TarLimitException e) {
        reading.reached(ref, e);
        return Result.FAILED;
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
                + (p.unsafeName() == null
                    ? "): "
                    : "): entry " + UntrustedText.quote(p.unsafeName()) + " ")
                + p.why());
      }
      return new Result(Optional.of(diffId), whiteouts.keep(lint.paths()));
    } catch (IOException closeFailed) {
      blobs.unreadable(ref, closeFailed);
      return Result.FAILED;
    }
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
        LAYER_FORMAT,
        ref.place().child("mediaType"),
        ref.place().words()
            + ".mediaType="
            + ref.descriptor().mediaType()
            + " but "
            + ref.blobPath()
            + " does not decompress to a tar archive: "
            + e.getMessage());
  }
}
