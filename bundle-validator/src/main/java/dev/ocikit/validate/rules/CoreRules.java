package dev.ocikit.validate.rules;

import dev.ocikit.check.Level;
import dev.ocikit.check.Platform;
import dev.ocikit.check.RuleInfo;
import java.util.List;

/**
 * Rules that apply to every document: strict JSON, schema keywords, spec version. Semantic rules
 * live in their own classes.
 */
public final class CoreRules {
  private static final String RFC8259 = "https://www.rfc-editor.org/rfc/rfc8259";
  private static final String IJSON = "https://www.rfc-editor.org/rfc/rfc7493#section-2.3";
  private static final String CONFIG_VERSION =
      "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md#specification-version";

  /** The document is not JSON at all. */
  public static final RuleInfo JSON_SYNTAX =
      new RuleInfo(
          "json.syntax", Level.MUST, "The document is well-formed JSON.", RFC8259, Platform.ALL);

  /** Not UTF-8. */
  public static final RuleInfo JSON_ENCODING =
      new RuleInfo(
          "json.encoding",
          Level.MUST,
          "The document is UTF-8 without a byte order mark.",
          RFC8259 + "#section-8.1",
          Platform.ALL);

  /** Duplicate member names. */
  public static final RuleInfo JSON_DUPLICATE_KEY =
      new RuleInfo(
          "json.duplicate-key",
          Level.MUST,
          "Member names within one object are unique.",
          IJSON,
          Platform.ALL);

  /** Trailing content. */
  public static final RuleInfo JSON_TRAILING =
      new RuleInfo(
          "json.trailing-content",
          Level.MUST,
          "Nothing follows the top-level JSON value.",
          RFC8259 + "#section-2",
          Platform.ALL);

  /** Size, depth or length limits. */
  public static final RuleInfo JSON_LIMIT =
      new RuleInfo(
          "json.limit",
          Level.MUST,
          "The document stays within the reader's size, depth and string-length limits.",
          RFC8259 + "#section-9",
          Platform.ALL);

  /** The document's type could not be told. */
  public static final RuleInfo DOCUMENT_TYPE =
      new RuleInfo(
          "document.type",
          Level.MUST,
          "The document is one of the OCI document types (or --type names it).",
          "https://github.com/opencontainers/image-spec/blob/v1.1.1/media-types.md",
          Platform.ALL);

  /** Major version other than 1. */
  public static final RuleInfo VERSION_MAJOR =
      new RuleInfo(
          "config.oci-version.major",
          Level.MUST,
          "ociVersion declares a runtime-spec major version this validator knows (1).",
          CONFIG_VERSION,
          Platform.ALL);

  /** Older than 1.0.0 by SemVer precedence (0.x, 1.0.0-rc…). */
  public static final RuleInfo VERSION_OLDER =
      new RuleInfo(
          "config.oci-version.older",
          Level.ADVICE,
          "ociVersion is not older than runtime-spec 1.0.0, the oldest version this validator knows.",
          CONFIG_VERSION,
          Platform.ALL);

  /** Newer minor than known. */
  public static final RuleInfo VERSION_NEWER =
      new RuleInfo(
          "config.oci-version.newer",
          Level.ADVICE,
          "ociVersion is not newer than the newest runtime-spec version this validator knows.",
          CONFIG_VERSION,
          Platform.ALL);

  /** A property added after the declared version. */
  public static final RuleInfo FIELD_NEWER =
      new RuleInfo(
          "config.field.newer-than-version",
          Level.ADVICE,
          "Properties used exist in the runtime-spec version the config declares.",
          CONFIG_VERSION,
          Platform.ALL);

  private CoreRules() {}

  /** {@return the rule for a failed schema keyword: {@code schema.<keyword>}, level MUST} */
  public static RuleInfo schemaRule(String keyword, String specUrl) {
    return new RuleInfo(
        "schema." + keyword,
        Level.MUST,
        "The document satisfies the schema keyword '" + keyword + "' written from the spec.",
        specUrl,
        Platform.ALL);
  }

  /** {@return every fixed rule of this class, for the catalog} */
  public static List<RuleInfo> all() {
    return List.of(
        JSON_SYNTAX,
        JSON_ENCODING,
        JSON_DUPLICATE_KEY,
        JSON_TRAILING,
        JSON_LIMIT,
        DOCUMENT_TYPE,
        VERSION_MAJOR,
        VERSION_OLDER,
        VERSION_NEWER,
        FIELD_NEWER);
  }
}
