package dev.ocikit.spec;

import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.image.ImageLayout;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.model.ModelObject;
import dev.ocikit.spec.runtime.Features;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.State;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** The OCI documents this toolkit models, each with its schema and spec page. */
public enum DocumentType {
  /** runtime-spec {@code config.json}. */
  RUNTIME_CONFIG(
      "runtime-config",
      "runtime-spec/config.schema.json",
      "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/config.md"),
  /** runtime-spec state, as {@code runc state} prints it. */
  RUNTIME_STATE(
      "runtime-state",
      "runtime-spec/state.schema.json",
      "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/runtime.md#state"),
  /** runtime-spec features document, as {@code runc features} prints it. */
  RUNTIME_FEATURES(
      "runtime-features",
      "runtime-spec/features.schema.json",
      "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/features.md"),
  /** image-spec content descriptor. */
  IMAGE_DESCRIPTOR(
      "image-descriptor",
      "image-spec/descriptor.schema.json",
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/descriptor.md"),
  /** image-spec image manifest. */
  IMAGE_MANIFEST(
      "image-manifest",
      "image-spec/image-manifest.schema.json",
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/manifest.md"),
  /** image-spec image index ({@code index.json}). */
  IMAGE_INDEX(
      "image-index",
      "image-spec/image-index.schema.json",
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/image-index.md"),
  /** image-spec image configuration. */
  IMAGE_CONFIG(
      "image-config",
      "image-spec/config.schema.json",
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md"),
  /** image-spec {@code oci-layout} file. */
  IMAGE_LAYOUT(
      "image-layout",
      "image-spec/oci-layout.schema.json",
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/image-layout.md#oci-layout-file");

  private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";
  private static final String CONFIG = "application/vnd.oci.image.config.v1+json";

  private final String id;
  private final String schema;
  private final String specUrl;

  DocumentType(String id, String schema, String specUrl) {
    this.id = id;
    this.schema = schema;
    this.specUrl = specUrl;
  }

  /** {@return the name used on the command line ({@code --type}) and in reports} */
  public String id() {
    return id;
  }

  /**
   * Classpath resource of the schema, e.g. {@code schemas/runtime-spec/config.schema.json}.
   *
   * @return the schema's resource name
   */
  public String schemaResource() {
    return "schemas/" + schema;
  }

  /** {@return the spec page this document is defined on, at the pinned spec version} */
  public String specUrl() {
    return specUrl;
  }

  /**
   * Binds a tree to the model type of this document (leniently; see {@link ModelObject}).
   *
   * @param root the document's root value
   * @return the bound model object
   */
  public ModelObject bind(JsonNode root) {
    // A switch, not a Function per constant: linking eight method references is a measurable
    // share of a cold command line run.
    return switch (this) {
      case RUNTIME_CONFIG -> RuntimeConfig.fromJson(root);
      case RUNTIME_STATE -> State.fromJson(root);
      case RUNTIME_FEATURES -> Features.fromJson(root);
      case IMAGE_DESCRIPTOR -> Descriptor.fromJson(root);
      case IMAGE_MANIFEST -> ImageManifest.fromJson(root);
      case IMAGE_INDEX -> ImageIndex.fromJson(root);
      case IMAGE_CONFIG -> ImageConfig.fromJson(root);
      case IMAGE_LAYOUT -> ImageLayout.fromJson(root);
    };
  }

  /**
   * Looks a type up by its {@link #id()}, case-insensitively.
   *
   * @param id a type id such as {@code runtime-config}
   * @return the type, or empty when no type has that id
   */
  public static Optional<DocumentType> byId(String id) {
    String wanted = id.toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(t -> t.id.equals(wanted)).findFirst();
  }

  /**
   * Guesses the type of a document from its content: the {@code mediaType} when it names one, else
   * the properties only one document type has. Empty when nothing fits.
   *
   * @param root the document's root value
   * @return the guessed type, or empty
   */
  public static Optional<DocumentType> detect(JsonNode root) {
    if (root == null || !root.isObject()) {
      return Optional.empty();
    }
    String mediaType = root.path("mediaType").asString("");
    boolean descriptorShape = root.has("digest") && root.has("size");
    if (!descriptorShape && MANIFEST.equals(mediaType)) {
      return Optional.of(IMAGE_MANIFEST);
    }
    if (!descriptorShape && INDEX.equals(mediaType)) {
      return Optional.of(IMAGE_INDEX);
    }
    DocumentType found = null;
    if (root.has("imageLayoutVersion")) {
      found = IMAGE_LAYOUT;
    } else if (root.has("ociVersionMin") || root.has("ociVersionMax")) {
      found = RUNTIME_FEATURES;
    } else if (root.has("ociVersion") && root.has("status") && root.has("id")) {
      found = RUNTIME_STATE;
    } else if (root.has("ociVersion")) {
      found = RUNTIME_CONFIG;
    } else if (descriptorShape) {
      found = IMAGE_DESCRIPTOR;
    } else if (root.has("schemaVersion") && root.has("manifests")) {
      found = IMAGE_INDEX;
    } else if (root.has("schemaVersion") && (root.has("layers") || root.has("config"))) {
      found = IMAGE_MANIFEST;
    } else if (root.has("rootfs")
        || (root.has("architecture") && root.has("os"))
        || CONFIG.equals(mediaType)) {
      found = IMAGE_CONFIG;
    }
    return Optional.ofNullable(found);
  }
}
