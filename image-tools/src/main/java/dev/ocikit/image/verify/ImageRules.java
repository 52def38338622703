package dev.ocikit.image.verify;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
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

  /**
   * Embedded data matches digest and size: a document rule, so a descriptor, manifest or index
   * validated on its own gets it too.
   */
  public static final RuleInfo DATA_MATCHES = DescriptorDataMatches.INFO;

  /** A manifest lists a layer (a document rule). */
  public static final RuleInfo LAYERS_NON_EMPTY = LayersNonEmpty.INFO;

  /** Image config Env entries are {@code VARNAME=VARVALUE} (a document rule). */
  public static final RuleInfo CONFIG_ENV_FORM = ConfigEnvForm.INFO;

  private static final class Holder {
    static final List<RuleInfo> ALL =
        List.of(
                LayoutChecks.OCI_LAYOUT_PRESENT,
                LayoutChecks.OCI_LAYOUT_VERSION,
                LayoutChecks.INDEX_PRESENT,
                LayoutChecks.BLOBS_PRESENT,
                LayoutChecks.BLOB_NAME,
                BlobReader.BLOB_PRESENT,
                BlobReader.BLOB_REGULAR_FILE,
                BlobReader.BLOB_DIGEST,
                BlobReader.BLOB_SIZE,
                BlobReader.BLOB_READABLE,
                BlobReader.DIGEST_VERIFIABLE,
                DATA_MATCHES,
                DocumentChecks.MEDIA_TYPE_MATCHES,
                DocumentChecks.MANIFEST_NO_MANIFESTS,
                LAYERS_NON_EMPTY,
                CONFIG_ENV_FORM,
                DocumentChecks.INDEX_NO_MANIFEST_FIELDS,
                ImageWalk.INDEX_NESTING,
                ImageWalk.ARTIFACT_TYPE_REQUIRED,
                DocumentChecks.EMPTY_CONTENT,
                ImageWalk.SUBJECT_PRESENT,
                ConfigChecks.DIFF_IDS_COUNT,
                ConfigChecks.DIFF_ID,
                ConfigChecks.PLATFORM_MATCHES,
                LayerVerifier.LAYER_FORMAT,
                LayerLint.LAYER_END_OF_ARCHIVE,
                LayerLint.LAYER_ENTRY_UNIQUE,
                LayerLint.LAYER_WHITEOUT_BARE,
                LayerLint.LAYER_WHITEOUT_LOWER_ONLY,
                WhiteoutChecks.LAYER_WHITEOUT_TARGET,
                LayerLint.LAYER_ENTRY_SAFE_NAME,
                LayerLint.LAYER_ENTRY_SPARSE,
                LayerLint.LAYER_ENTRY_UTF8_NAME)
            .stream()
            .sorted(Comparator.comparing(RuleInfo::id))
            .toList();
  }

  private ImageRules() {}

  /** {@return every image rule, sorted by id} */
  public static List<RuleInfo> all() {
    return Holder.ALL;
  }

  static RuleInfo rule(String id, Level level, String summary, String anchor) {
    return new RuleInfo(id, level, summary, SPEC + anchor, Platform.ALL);
  }
}
