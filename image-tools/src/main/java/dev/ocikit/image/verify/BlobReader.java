package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.RuleInfo;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.UnsafeBlobException;
import dev.ocikit.image.tar.TarReader;
import dev.ocikit.spec.digest.BlobVerificationException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestMismatchException;
import dev.ocikit.spec.digest.EmbeddedData;
import dev.ocikit.spec.digest.SizeMismatchException;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.file.IoErrors;
import dev.ocikit.spec.json.JsonLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens blobs through a {@link VerifyingInputStream} and turns every way that fails (missing,
 * refused, short, long, wrong digest, unverifiable algorithm) into a finding that names the
 * descriptor, the blob and both compared values.
 */
final class BlobReader {
  /**
   * A referenced blob is in the layout. image-layout.md lets a layout lack referenced blobs (an
   * external store may supply them), so by default this is advice; a completeness check ({@link
   * ImageValidationOptions#requireAllBlobs()}) reports it at {@link #BLOB_PRESENT_REQUIRED}'s
   * level.
   */
  static final RuleInfo BLOB_PRESENT =
      ImageRules.rule(
          "image.blob.present",
          Level.ADVICE,
          "Every blob reachable from index.json is stored under blobs/; the spec allows a layout"
              + " to lack some, so this is an error only with --require-all-blobs (and never when"
              + " the descriptor lists urls).",
          "image-layout.md#blobs");

  /** {@link #BLOB_PRESENT} as a completeness check reports it: not listed in {@link #all()}. */
  static final RuleInfo BLOB_PRESENT_REQUIRED =
      new RuleInfo(
          BLOB_PRESENT.id(),
          Level.MUST,
          BLOB_PRESENT.summary(),
          BLOB_PRESENT.specUrl(),
          BLOB_PRESENT.platform());

  /** A blob is one regular file. */
  static final RuleInfo BLOB_REGULAR_FILE =
      ImageRules.rule(
          "image.blob.regular-file",
          Level.MUST,
          "A referenced blob is stored as exactly one regular file, not a link, directory,"
              + " device or repeated archive entry.",
          "image-layout.md#blobs");

  /** A blob's bytes hash to its digest. */
  static final RuleInfo BLOB_DIGEST =
      ImageRules.rule(
          "image.blob.digest",
          Level.MUST,
          "The content of blobs/<alg>/<encoded> hashes to <alg>:<encoded>.",
          "image-layout.md#blobs");

  /** A blob's length equals the descriptor's size. */
  static final RuleInfo BLOB_SIZE =
      ImageRules.rule(
          "image.blob.size",
          Level.MUST,
          "A blob is exactly as long as the size of every descriptor pointing at it.",
          "descriptor.md#properties");

  /** A blob could not be read at all. */
  static final RuleInfo BLOB_READABLE =
      ImageRules.rule(
          "image.blob.readable",
          Level.MUST,
          "A referenced blob can be read.",
          "image-layout.md#blobs");

  /** The digest algorithm is one this validator can compute. */
  static final RuleInfo DIGEST_VERIFIABLE =
      ImageRules.rule(
          "image.digest.verifiable",
          Level.ADVICE,
          "The digest uses a registered algorithm (sha256, sha512, blake3) so it can be verified.",
          "descriptor.md#registered-algorithms");

  /** JSON documents larger than this are not read into memory (the strict reader's limit). */
  static final long MAX_DOCUMENT_BYTES = JsonLimits.DEFAULT.maxDocumentBytes();

  private final ImageSource source;
  private final Reporter reporter;
  private final Set<String> unverifiable = ConcurrentHashMap.newKeySet();

  BlobReader(ImageSource source, Reporter reporter) {
    this.source = source;
    this.reporter = reporter;
  }

  /**
   * Reads a whole small blob, verified; falls back to matching embedded {@code data} when the blob
   * is missing. Returns null after reporting when the content cannot be trusted.
   */
  byte[] readVerified(Ref ref) {
    if (ref.size() > MAX_DOCUMENT_BYTES) {
      reporter.at(
          BLOB_READABLE,
          ref.place().child("size"),
          ref.place().words()
              + ".size="
              + ref.size()
              + " is more than the "
              + MAX_DOCUMENT_BYTES
              + " bytes read for a JSON document; not checked");
      return null;
    }
    try (VerifyingInputStream in = open(ref)) {
      if (in == null) {
        return embedded(ref);
      }
      byte[] bytes = in.readAllBytes();
      return in.verified() || !in.digestCheckable() ? bytes : null;
    } catch (BlobVerificationException e) {
      mismatch(ref, e);
    } catch (IOException e) {
      unreadable(ref, e);
    }
    return null;
  }

  /** Opens a blob verified, or reports why not and returns null. */
  VerifyingInputStream open(Ref ref) throws IOException {
    if (!ref.digest().algorithm().isVerifiable() && unverifiable.add(ref.digest().toString())) {
      reporter.at(
          DIGEST_VERIFIABLE,
          ref.place().child("digest"),
          ref.place().words()
              + ".digest="
              + ref.digest()
              + " uses algorithm "
              + ref.digest().algorithm()
              + ", which cannot be computed; only the size is checked");
    }
    try {
      return source.openBlob(ref.digest(), ref.size());
    } catch (NoSuchFileException e) {
      missing(ref);
    } catch (UnsafeBlobException e) {
      reporter.at(
          BLOB_REGULAR_FILE,
          ref.place().child("digest"),
          ref.place().words() + ".digest=" + ref.digest() + " but " + e.getMessage());
    }
    return null;
  }

  /** Verifies a blob whose content is not interpreted, reading it to the end. */
  Optional<Digest> verifyOpaque(Ref ref) {
    try (VerifyingInputStream in = open(ref)) {
      if (in != null) {
        // Large reads: VerifyingInputStream.drain() reads 8 KiB at a time.
        byte[] buffer = new byte[(int) Math.min(TarReader.BUFFER, ref.size() + 1)];
        while (in.read(buffer, 0, buffer.length) != -1) {
          // hashed by the stream
        }
      }
    } catch (BlobVerificationException e) {
      mismatch(ref, e);
    } catch (IOException e) {
      unreadable(ref, e);
    }
    return Optional.empty();
  }

  /** Whether the blob is present in any form (the check for an optional target such as subject). */
  boolean exists(Ref ref) {
    try (InputStream in = source.openBlob(ref.digest())) {
      return true;
    } catch (NoSuchFileException e) {
      return embedded(ref) != null;
    } catch (IOException e) {
      return true; // present but unsafe or unreadable: reading it reports why
    }
  }

  private void missing(Ref ref) {
    if (embedded(ref) != null) {
      return; // the descriptor carries the content itself
    }
    boolean external = ref.descriptor().urls() != null && !ref.descriptor().urls().isEmpty();
    // image-layout.md: a layout MAY lack referenced blobs; only a completeness check objects.
    RuleInfo rule = reporter.requireAllBlobs() && !external ? BLOB_PRESENT_REQUIRED : BLOB_PRESENT;
    reporter.at(
        rule,
        ref.place().child("digest"),
        ref.place().words()
            + ".digest="
            + ref.digest()
            + " but "
            + ref.blobPath()
            + " is not in the layout"
            + (external ? " (the descriptor lists urls)" : ""));
  }

  /** Reports a blob whose bytes differ from the descriptor. */
  void mismatch(Ref ref, BlobVerificationException e) {
    Place at = ref.place();
    if (e instanceof DigestMismatchException d) {
      reporter.at(
          BLOB_DIGEST,
          at.child("digest"),
          at.words()
              + ".digest="
              + d.expected()
              + " but "
              + ref.blobPath()
              + " hashes to "
              + d.actual());
    } else if (e instanceof SizeMismatchException s) {
      reporter.at(
          BLOB_SIZE,
          at.child("size"),
          at.words()
              + ".size="
              + s.expectedSize()
              + " but "
              + ref.blobPath()
              + (s.trailingData()
                  ? " continues past it (at least " + s.actualSize() + " bytes)"
                  : " is " + s.actualSize() + " bytes"));
    }
  }

  /**
   * Reports a blob that could not be read as a finding; when the operating system refused (no
   * permission, say) the image was not read at all, and that is not a finding about it.
   *
   * @throws UncheckedIOException for a refusal of the host, which ends the validation
   */
  void unreadable(Ref ref, IOException e) {
    if (IoErrors.refusedByHost(e)) {
      throw new UncheckedIOException(e);
    }
    reporter.at(
        BLOB_READABLE,
        ref.place().child("digest"),
        ref.place().words() + ": cannot read " + ref.blobPath() + ": " + IoErrors.describe(e));
  }

  /** The embedded data when it decodes to the described content, else null. */
  static byte[] embedded(Ref ref) {
    return EmbeddedData.verified(ref.descriptor().data(), ref.digest(), ref.size()).orElse(null);
  }
}
