package dev.ocikit.validator;

/** What a path holds, as {@link OciValidator#detect} decides it. */
public enum PathKind {
  /** A directory holding {@code config.json} (or any directory that is not an image layout). */
  BUNDLE("bundle"),
  /** A directory with an {@code oci-layout} file. */
  IMAGE_LAYOUT("image layout"),
  /** A tar archive of an image layout. */
  IMAGE_ARCHIVE("image archive"),
  /** A runtime-spec {@code config.json}, by content whatever its name. */
  RUNTIME_CONFIG("runtime config"),
  /** Any other single document: state, features, descriptor, manifest, index, image config… */
  DOCUMENT("document");

  private final String label;

  PathKind(String label) {
    this.label = label;
  }

  /**
   * Lowercase words for messages, e.g. {@code image layout}.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Whether validating this kind reads an image (and so hashes blobs).
   *
   * @return whether this kind is an image layout or archive
   */
  public boolean isImage() {
    return this == IMAGE_LAYOUT || this == IMAGE_ARCHIVE;
  }
}
