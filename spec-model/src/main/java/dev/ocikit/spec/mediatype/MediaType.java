package dev.ocikit.spec.mediatype;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A media type {@code type/subtype[+suffix]} with optional parameters, as RFC 6838 defines it.
 * Type, subtype and parameter names are case-insensitive and held in lowercase; parameter values
 * are kept verbatim. The constants are the media types the OCI image-spec defines.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/main/media-types.md">image-spec:
 *     media types</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc6838#section-4.2">RFC 6838 section 4.2</a>
 */
public final class MediaType {
  /** A content descriptor. */
  public static final MediaType DESCRIPTOR = parse("application/vnd.oci.descriptor.v1+json");

  /** The {@code oci-layout} file of an image layout. */
  public static final MediaType LAYOUT_HEADER = parse("application/vnd.oci.layout.header.v1+json");

  /** An image index. */
  public static final MediaType IMAGE_INDEX = parse("application/vnd.oci.image.index.v1+json");

  /** An image manifest. */
  public static final MediaType IMAGE_MANIFEST =
      parse("application/vnd.oci.image.manifest.v1+json");

  /** An image configuration. */
  public static final MediaType IMAGE_CONFIG = parse("application/vnd.oci.image.config.v1+json");

  /** A layer as an uncompressed tar archive. */
  public static final MediaType LAYER_TAR = parse("application/vnd.oci.image.layer.v1.tar");

  /** A layer as a gzip-compressed tar archive. */
  public static final MediaType LAYER_TAR_GZIP =
      parse("application/vnd.oci.image.layer.v1.tar+gzip");

  /** A layer as a zstd-compressed tar archive. */
  public static final MediaType LAYER_TAR_ZSTD =
      parse("application/vnd.oci.image.layer.v1.tar+zstd");

  /** A non-distributable tar layer; deprecated by image-spec v1.1, do not create new ones. */
  @Deprecated
  public static final MediaType LAYER_NONDISTRIBUTABLE_TAR =
      parse("application/vnd.oci.image.layer.nondistributable.v1.tar");

  /** A non-distributable gzip tar layer; deprecated by image-spec v1.1. */
  @Deprecated
  public static final MediaType LAYER_NONDISTRIBUTABLE_TAR_GZIP =
      parse("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");

  /** A non-distributable zstd tar layer; deprecated by image-spec v1.1. */
  @Deprecated
  public static final MediaType LAYER_NONDISTRIBUTABLE_TAR_ZSTD =
      parse("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");

  /** The empty descriptor's content, the two bytes {@code {}}. */
  public static final MediaType EMPTY_JSON = parse("application/vnd.oci.empty.v1+json");

  @SuppressWarnings("deprecation")
  private static final Set<String> OCI_LAYERS =
      Set.of(
          LAYER_TAR.essence(),
          LAYER_TAR_GZIP.essence(),
          LAYER_TAR_ZSTD.essence(),
          LAYER_NONDISTRIBUTABLE_TAR.essence(),
          LAYER_NONDISTRIBUTABLE_TAR_GZIP.essence(),
          LAYER_NONDISTRIBUTABLE_TAR_ZSTD.essence());

  private final String type;
  private final String subtype;
  private final Map<String, String> parameters;

  MediaType(String type, String subtype, Map<String, String> parameters) {
    this.type = type;
    this.subtype = subtype;
    this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  /**
   * Parses a media type with optional parameters; no whitespace is allowed around it.
   *
   * @param unsafeMediaType the untrusted text, e.g. {@code
   *     application/vnd.oci.image.manifest.v1+json}
   * @return the parsed media type
   * @throws InvalidMediaTypeException naming the input and the violated rule
   */
  public static MediaType parse(String unsafeMediaType) {
    return MediaTypeParser.parse(Objects.requireNonNull(unsafeMediaType, "mediaType"));
  }

  /**
   * Like {@link #parse}, but returns empty for null or malformed input instead of throwing.
   *
   * @param unsafeMediaType the untrusted text, or null
   * @return the media type, or empty when the text is not one
   */
  public static Optional<MediaType> tryParse(String unsafeMediaType) {
    try {
      return unsafeMediaType == null ? Optional.empty() : Optional.of(parse(unsafeMediaType));
    } catch (InvalidMediaTypeException e) {
      return Optional.empty();
    }
  }

  /** {@return the top-level type, e.g. {@code application}} */
  public String type() {
    return type;
  }

  /** {@return the subtype including any suffix, e.g. {@code vnd.oci.image.layer.v1.tar+gzip}} */
  public String subtype() {
    return subtype;
  }

  /**
   * The structured syntax suffix after the last {@code '+'} of the subtype, e.g. {@code json}.
   *
   * @return the suffix, or empty when there is none
   */
  public Optional<String> suffix() {
    int plus = subtype.lastIndexOf('+');
    return plus < 0 ? Optional.empty() : Optional.of(subtype.substring(plus + 1));
  }

  /** {@return the parameters in their original order, names lowercase; unmodifiable} */
  public Map<String, String> parameters() {
    return parameters;
  }

  /**
   * {@code type/subtype} without parameters.
   *
   * @return the essence, e.g. {@code application/vnd.oci.image.layer.v1.tar}
   */
  public String essence() {
    return type + "/" + subtype;
  }

  /** {@return true for the OCI layer types, including the deprecated non-distributable ones} */
  public boolean isOciLayer() {
    return OCI_LAYERS.contains(essence());
  }

  /** {@return true for the OCI image manifest, ignoring parameters} */
  public boolean isManifest() {
    return essence().equals(IMAGE_MANIFEST.essence());
  }

  /** {@return true for the OCI image index, ignoring parameters} */
  public boolean isIndex() {
    return essence().equals(IMAGE_INDEX.essence());
  }

  /**
   * The compression of a tar layer: by the {@code +gzip}/{@code +zstd} suffix, NONE for a subtype
   * ending in {@code .tar}; also understands Docker's {@code ….tar.gzip}. UNKNOWN otherwise.
   *
   * @return the compression; UNKNOWN when this is not a tar layer type
   */
  public Compression compression() {
    String suffix = suffix().orElse("");
    if (suffix.equals("gzip") || subtype.endsWith(".tar.gzip")) {
      return Compression.GZIP;
    }
    if (suffix.equals("zstd") || subtype.endsWith(".tar.zstd")) {
      return Compression.ZSTD;
    }
    return subtype.endsWith(".tar") ? Compression.NONE : Compression.UNKNOWN;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaType
        && ((MediaType) o).essence().equals(essence())
        && ((MediaType) o).parameters.equals(parameters);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, subtype, parameters);
  }

  /** The media type with its parameters, values quoted where needed. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(essence());
    parameters.forEach(
        (name, value) -> sb.append(';').append(name).append('=').append(render(value)));
    return sb.toString();
  }

  private static String render(String value) {
    if (!value.isEmpty() && value.chars().allMatch(c -> MediaTypeParser.isToken((char) c))) {
      return value;
    }
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}
