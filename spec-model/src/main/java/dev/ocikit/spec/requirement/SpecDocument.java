package dev.ocikit.spec.requirement;

import java.util.Optional;

/** A document of the two specs at the pinned versions, as the requirement catalog covers them. */
public enum SpecDocument {
  /** The runtime-spec's config.md. */
  RT_CONFIG(Spec.RUNTIME, "config.md"),
  /** The runtime-spec's config-linux.md. */
  RT_CONFIG_LINUX(Spec.RUNTIME, "config-linux.md"),
  /** The runtime-spec's config-windows.md. */
  RT_CONFIG_WINDOWS(Spec.RUNTIME, "config-windows.md"),
  /** The runtime-spec's config-solaris.md. */
  RT_CONFIG_SOLARIS(Spec.RUNTIME, "config-solaris.md"),
  /** The runtime-spec's config-vm.md. */
  RT_CONFIG_VM(Spec.RUNTIME, "config-vm.md"),
  /** The runtime-spec's config-zos.md. */
  RT_CONFIG_ZOS(Spec.RUNTIME, "config-zos.md"),
  /** The runtime-spec's config-freebsd.md. */
  RT_CONFIG_FREEBSD(Spec.RUNTIME, "config-freebsd.md"),
  /** The runtime-spec's runtime.md. */
  RT_RUNTIME(Spec.RUNTIME, "runtime.md"),
  /** The runtime-spec's runtime-linux.md. */
  RT_RUNTIME_LINUX(Spec.RUNTIME, "runtime-linux.md"),
  /** The runtime-spec's bundle.md. */
  RT_BUNDLE(Spec.RUNTIME, "bundle.md"),
  /** The runtime-spec's features.md. */
  RT_FEATURES(Spec.RUNTIME, "features.md"),
  /** The runtime-spec's features-linux.md. */
  RT_FEATURES_LINUX(Spec.RUNTIME, "features-linux.md"),
  /** The image-spec's descriptor.md. */
  IMG_DESCRIPTOR(Spec.IMAGE, "descriptor.md"),
  /** The image-spec's image-layout.md. */
  IMG_IMAGE_LAYOUT(Spec.IMAGE, "image-layout.md"),
  /** The image-spec's manifest.md. */
  IMG_MANIFEST(Spec.IMAGE, "manifest.md"),
  /** The image-spec's image-index.md. */
  IMG_IMAGE_INDEX(Spec.IMAGE, "image-index.md"),
  /** The image-spec's config.md. */
  IMG_CONFIG(Spec.IMAGE, "config.md"),
  /** The image-spec's layer.md. */
  IMG_LAYER(Spec.IMAGE, "layer.md"),
  /** The image-spec's conversion.md. */
  IMG_CONVERSION(Spec.IMAGE, "conversion.md"),
  /** The image-spec's annotations.md. */
  IMG_ANNOTATIONS(Spec.IMAGE, "annotations.md"),
  /** The image-spec's media-types.md. */
  IMG_MEDIA_TYPES(Spec.IMAGE, "media-types.md");

  /** The two specifications and the tags the toolkit is pinned to. */
  public enum Spec {
    /** The runtime specification. */
    RUNTIME("runtime-spec", "rt", "v1.3.0"),
    /** The image format specification. */
    IMAGE("image-spec", "img", "v1.1.1");

    private final String repo;
    private final String idPrefix;
    private final String tag;

    Spec(String repo, String idPrefix, String tag) {
      this.repo = repo;
      this.idPrefix = idPrefix;
      this.tag = tag;
    }

    /**
     * Repository name under github.com/opencontainers, e.g. {@code runtime-spec}.
     *
     * @return the repository name
     */
    public String repo() {
      return repo;
    }

    /**
     * First part of every requirement id of this spec: {@code rt} or {@code img}.
     *
     * @return the prefix
     */
    public String idPrefix() {
      return idPrefix;
    }

    /** {@return the pinned tag, e.g. {@code v1.3.0}} */
    public String tag() {
      return tag;
    }
  }

  private final Spec spec;
  private final String file;

  SpecDocument(Spec spec, String file) {
    this.spec = spec;
    this.file = file;
  }

  /** {@return the specification this document belongs to} */
  public Spec spec() {
    return spec;
  }

  /** {@return the document's file name in its repository, e.g. {@code config-linux.md}} */
  public String file() {
    return file;
  }

  /** {@return the id prefix of its requirements, e.g. {@code rt.config-linux}} */
  public String idPrefix() {
    return spec.idPrefix() + "." + file.substring(0, file.length() - ".md".length());
  }

  /** The catalog resource holding its requirements. */
  String resource() {
    return "ocikit/requirements/"
        + spec.repo()
        + "/"
        + file.substring(0, file.length() - ".md".length())
        + ".tsv";
  }

  /**
   * Link to a section of the document at the pinned tag; {@code anchor} without '#'.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the URL
   */
  public String url(String anchor) {
    return "https://github.com/opencontainers/"
        + spec.repo()
        + "/blob/"
        + spec.tag()
        + "/"
        + file
        + (anchor.isEmpty() ? "" : "#" + anchor);
  }

  /**
   * The document a link made by {@link #url(String)} points at, if it points at one of the pinned
   * documents.
   *
   * @param url a link, with or without an anchor
   * @return the document, or empty
   */
  public static Optional<SpecDocument> ofUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    int hash = url.indexOf('#');
    String page = hash < 0 ? url : url.substring(0, hash);
    for (SpecDocument d : values()) {
      if (page.equals(d.url(""))) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }

  /**
   * Short label for tables, e.g. {@code runtime-spec/config-linux.md}.
   *
   * @return the label
   */
  public String label() {
    return spec.repo() + "/" + file;
  }
}
