package dev.ocikit.image.verify;

import dev.ocikit.image.layout.DescriptorPath;
import dev.ocikit.validate.Level;
import dev.ocikit.validate.RuleInfo;
import dev.ocikit.validate.rules.image.ConfigEnvForm;
import dev.ocikit.validate.rules.image.DescriptorDataMatches;
import dev.ocikit.validate.rules.image.LayersNonEmpty;
import java.util.Comparator;
import java.util.List;

/**
 * Every image layout rule, as data. Levels follow the RFC 2119 keyword of the cited spec sentence;
 * {@link Level#ADVICE} marks likely trouble no sentence forbids. Schema findings for the JSON
 * documents come from the bundle-validator's {@code schema.*} rules; the rules that need one
 * document only ({@code dev.ocikit.validate.rules.image}) live there too, so a document validated
 * on its own gets them, and are listed here as well.
 */
public final class ImageRules {
  private static final String SPEC = "https://github.com/opencontainers/image-spec/blob/v1.1.1/";

  /** {@code oci-layout} exists at the root. */
  public static final RuleInfo OCI_LAYOUT_PRESENT =
      rule(
          "image.layout.oci-layout.present",
          Level.MUST,
          "The layout has an oci-layout file at its root.",
          "image-layout.md#oci-layout-file");

  /** {@code imageLayoutVersion} is the one this validator knows. */
  public static final RuleInfo OCI_LAYOUT_VERSION =
      rule(
          "image.layout.oci-layout.version",
          Level.ADVICE,
          "imageLayoutVersion is 1.0.0, the layout version of image-spec v1.1.1.",
          "image-layout.md#oci-layout-file");

  /** {@code index.json} exists at the root. */
  public static final RuleInfo INDEX_PRESENT =
      rule(
          "image.layout.index.present",
          Level.MUST,
          "The layout has an index.json file at its root.",
          "image-layout.md#indexjson-file");

  /** {@code blobs} exists at the root and is a directory. */
  public static final RuleInfo BLOBS_PRESENT =
      rule(
          "image.layout.blobs.present",
          Level.MUST,
          "The layout has a blobs directory at its root (it may be empty).",
          "image-layout.md#content");

  /** Blob files are named {@code blobs/<alg>/<encoded>} by the digest grammar. */
  public static final RuleInfo BLOB_NAME =
      rule(
          "image.layout.blob.name",
          Level.MUST,
          "Entries under blobs/ are <alg>/<encoded> with names matching the digest grammar.",
          "image-layout.md#blobs");

  /**
   * A referenced blob is in the layout. image-layout.md lets a layout lack referenced blobs (an
   * external store may supply them), so by default this is advice; a completeness check ({@link
   * ImageValidationOptions#requireAllBlobs()}) reports it at {@link #BLOB_PRESENT_REQUIRED}'s
   * level.
   */
  public static final RuleInfo BLOB_PRESENT =
      rule(
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
  public static final RuleInfo BLOB_REGULAR_FILE =
      rule(
          "image.blob.regular-file",
          Level.MUST,
          "A referenced blob is stored as exactly one regular file, not a link, directory,"
              + " device or repeated archive entry.",
          "image-layout.md#blobs");

  /** A blob's bytes hash to its digest. */
  public static final RuleInfo BLOB_DIGEST =
      rule(
          "image.blob.digest",
          Level.MUST,
          "The content of blobs/<alg>/<encoded> hashes to <alg>:<encoded>.",
          "image-layout.md#blobs");

  /** A blob's length equals the descriptor's size. */
  public static final RuleInfo BLOB_SIZE =
      rule(
          "image.blob.size",
          Level.MUST,
          "A blob is exactly as long as the size of every descriptor pointing at it.",
          "descriptor.md#properties");

  /** A blob could not be read at all. */
  public static final RuleInfo BLOB_READABLE =
      rule(
          "image.blob.readable",
          Level.MUST,
          "A referenced blob can be read.",
          "image-layout.md#blobs");

  /** The digest algorithm is one this validator can compute. */
  public static final RuleInfo DIGEST_VERIFIABLE =
      rule(
          "image.digest.verifiable",
          Level.ADVICE,
          "The digest uses a registered algorithm (sha256, sha512, blake3) so it can be verified.",
          "descriptor.md#registered-algorithms");

  /**
   * Embedded data matches digest and size: a document rule, so a descriptor, manifest or index
   * validated on its own gets it too.
   */
  public static final RuleInfo DATA_MATCHES = DescriptorDataMatches.INFO;

  /** A document's own mediaType equals the descriptor's (CVE-2021-41190). */
  public static final RuleInfo MEDIA_TYPE_MATCHES =
      rule(
          "image.descriptor.media-type.matches",
          Level.MUST,
          "A manifest or index blob's own mediaType equals the mediaType of the descriptor"
              + " pointing at it (CVE-2021-41190).",
          "descriptor.md#properties");

  /** A manifest has no {@code manifests}. */
  public static final RuleInfo MANIFEST_NO_MANIFESTS =
      rule(
          "image.manifest.no-manifests",
          Level.MUST,
          "A blob described as an image manifest has no manifests property, so it cannot be"
              + " read as an index (CVE-2021-41190).",
          "manifest.md#image-manifest-property-descriptions");

  /** An index has no {@code config} or {@code layers}. */
  public static final RuleInfo INDEX_NO_MANIFEST_FIELDS =
      rule(
          "image.index.no-config-layers",
          Level.MUST,
          "A blob described as an image index has no config or layers property, so it cannot be"
              + " read as a manifest (CVE-2021-41190).",
          "image-index.md#image-index-property-descriptions");

  /** Artifact manifests with an empty config name an artifactType. */
  public static final RuleInfo ARTIFACT_TYPE_REQUIRED =
      rule(
          "image.manifest.artifact-type.required",
          Level.MUST,
          "artifactType is set when config.mediaType is application/vnd.oci.empty.v1+json.",
          "manifest.md#image-manifest-property-descriptions");

  /** A manifest lists a layer (a document rule). */
  public static final RuleInfo LAYERS_NON_EMPTY = LayersNonEmpty.INFO;

  /** Image config Env entries are {@code VARNAME=VARVALUE} (a document rule). */
  public static final RuleInfo CONFIG_ENV_FORM = ConfigEnvForm.INFO;

  /** The empty descriptor's content is {@code {}}. */
  public static final RuleInfo EMPTY_CONTENT =
      rule(
          "image.empty.content",
          Level.MUST,
          "Content of media type application/vnd.oci.empty.v1+json is the two bytes {}.",
          "manifest.md#guidance-for-an-empty-descriptor");

  /** The subject manifest is in the layout. */
  public static final RuleInfo SUBJECT_PRESENT =
      rule(
          "image.subject.present",
          Level.ADVICE,
          "The manifest named by subject is in the layout (it may legitimately live elsewhere).",
          "manifest.md#image-manifest-property-descriptions");

  /**
   * No cycle and a bounded depth. A cycle needs a blob holding its own digest, which a
   * collision-resistant digest rules out (descriptor.md); the depth bound is the toolkit's limit,
   * as json.limit is the reader's, and the one unpacking applies.
   */
  public static final RuleInfo INDEX_NESTING =
      rule(
          "image.index.nesting",
          Level.MUST,
          "No index or manifest is its own ancestor, and indexes nest at most "
              + DescriptorPath.MAX_INDEX_DEPTH
              + " deep below index.json (the limit unpacking applies).",
          "descriptor.md#digests");

  /** One DiffID per layer. */
  public static final RuleInfo DIFF_IDS_COUNT =
      rule(
          "image.config.diff-ids.count",
          Level.MUST,
          "An image config lists exactly one rootfs.diff_ids entry per manifest layer.",
          "config.md#properties");

  /** DiffID equals the digest of the uncompressed layer. */
  public static final RuleInfo DIFF_ID =
      rule(
          "image.layer.diff-id",
          Level.MUST,
          "rootfs.diff_ids[i] is the digest of layer i's uncompressed tar stream.",
          "config.md#layer-diffid");

  /** Index platform matches the config. */
  public static final RuleInfo PLATFORM_MATCHES =
      rule(
          "image.index.platform.matches",
          Level.SHOULD,
          "An index entry's platform os, architecture and variant agree with the image config.",
          "image-index.md#image-index-property-descriptions");

  /** A layer decompresses to a tar archive. */
  public static final RuleInfo LAYER_FORMAT =
      rule(
          "image.layer.format",
          Level.MUST,
          "A layer blob decompresses as its media type says into a tar archive.",
          "layer.md#distributable-format");

  /**
   * The tar stream ends with its end-of-archive marker. layer.md makes a layer a tar archive, and
   * POSIX ends one with two zero blocks; a stream cut after a complete entry is what an unclosed
   * writer leaves (umoci's insert before 0.5.0). Unpacking accepts it with a warning, as umoci,
   * bsdtar and Go's archive/tar do; content cut inside an entry stays {@link #LAYER_FORMAT}.
   */
  public static final RuleInfo LAYER_END_OF_ARCHIVE =
      rule(
          "image.layer.end-of-archive",
          Level.MUST,
          "A layer's tar stream ends with the end-of-archive marker (two zero blocks) after its"
              + " last entry; a stream cut inside an entry is image.layer.format.",
          "layer.md#distributable-format");

  /** No duplicate paths in one layer. */
  public static final RuleInfo LAYER_ENTRY_UNIQUE =
      rule(
          "image.layer.entry.unique",
          Level.MUST,
          "A layer tar has no duplicate entries for one file path.",
          "layer.md#distributable-format");

  /** No bare {@code .wh.}. */
  public static final RuleInfo LAYER_WHITEOUT_BARE =
      rule(
          "image.layer.whiteout.named",
          Level.ADVICE,
          "A whiteout entry names the basename it deletes; a bare .wh. deletes nothing.",
          "layer.md#whiteouts");

  /** A whiteout does not name a non-directory its own layer creates. */
  public static final RuleInfo LAYER_WHITEOUT_LOWER_ONLY =
      rule(
          "image.layer.whiteout.lower-only",
          Level.ADVICE,
          "A whiteout does not name a file its own layer creates: whiteouts hide only lower"
              + " layers' files, so that file stays (a directory recreated after a whiteout is"
              + " the explicit form of an opaque whiteout and is fine).",
          "layer.md#whiteouts");

  /** A whiteout names a path that a lower layer has. */
  public static final RuleInfo LAYER_WHITEOUT_TARGET =
      rule(
          "image.layer.whiteout.target-exists",
          Level.ADVICE,
          "A whiteout names a path that some lower layer of the image has; otherwise it deletes"
              + " nothing.",
          "layer.md#whiteouts");

  /** Relative names without {@code ..}. */
  public static final RuleInfo LAYER_ENTRY_SAFE_NAME =
      rule(
          "image.layer.entry.safe-name",
          Level.ADVICE,
          "Layer entry names are relative and have no .. component; safe unpackers refuse them.",
          "layer.md#file-types");

  /** No sparse file entries. */
  public static final RuleInfo LAYER_ENTRY_SPARSE =
      rule(
          "image.layer.entry.sparse",
          Level.SHOULD,
          "Layers hold no sparse file entries (GNU type S or PAX GNU.sparse records): they lack"
              + " consistent support across tar implementations, and ocikit reads no further.",
          "layer.md#file-attributes");

  /** Names and link targets are UTF-8. */
  public static final RuleInfo LAYER_ENTRY_UTF8_NAME =
      rule(
          "image.layer.entry.utf8-name",
          Level.ADVICE,
          "Layer entry names and link targets are valid UTF-8; the spec allows other bytes, but"
              + " unpackers that decode names as UTF-8 rename or merge such files.",
          "layer.md#distributable-format");

  private static final List<RuleInfo> ALL =
      List.of(
              OCI_LAYOUT_PRESENT,
              OCI_LAYOUT_VERSION,
              INDEX_PRESENT,
              BLOBS_PRESENT,
              BLOB_NAME,
              BLOB_PRESENT,
              BLOB_REGULAR_FILE,
              BLOB_DIGEST,
              BLOB_SIZE,
              BLOB_READABLE,
              DIGEST_VERIFIABLE,
              DATA_MATCHES,
              MEDIA_TYPE_MATCHES,
              MANIFEST_NO_MANIFESTS,
              LAYERS_NON_EMPTY,
              CONFIG_ENV_FORM,
              INDEX_NO_MANIFEST_FIELDS,
              INDEX_NESTING,
              ARTIFACT_TYPE_REQUIRED,
              EMPTY_CONTENT,
              SUBJECT_PRESENT,
              DIFF_IDS_COUNT,
              DIFF_ID,
              PLATFORM_MATCHES,
              LAYER_FORMAT,
              LAYER_END_OF_ARCHIVE,
              LAYER_ENTRY_UNIQUE,
              LAYER_WHITEOUT_BARE,
              LAYER_WHITEOUT_LOWER_ONLY,
              LAYER_WHITEOUT_TARGET,
              LAYER_ENTRY_SAFE_NAME,
              LAYER_ENTRY_SPARSE,
              LAYER_ENTRY_UTF8_NAME)
          .stream()
          .sorted(Comparator.comparing(RuleInfo::id))
          .toList();

  private ImageRules() {}

  /** Every image rule, sorted by id. */
  public static List<RuleInfo> all() {
    return ALL;
  }

  private static RuleInfo rule(String id, Level level, String summary, String anchor) {
    return new RuleInfo(id, level, summary, SPEC + anchor, "all");
  }
}
