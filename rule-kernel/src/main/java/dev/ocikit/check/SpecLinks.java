package dev.ocikit.check;

/**
 * Links to the runtime-spec (and image-spec) text at the pinned tags, so every rule points at the
 * same version.
 */
public final class SpecLinks {
  /** The pinned tag's document root; every rule's spec URL starts with it. */
  public static final String BASE = "https://github.com/opencontainers/runtime-spec/blob/v1.3.0/";

  /** The image-spec's pinned tag, for the rules over image-spec documents. */
  public static final String IMAGE_BASE =
      "https://github.com/opencontainers/image-spec/blob/v1.1.1/";

  private SpecLinks() {}

  /**
   * {@code document#anchor} of the image-spec, e.g. {@code image("manifest.md", "…")}.
   *
   * @param document the image-spec file, e.g. {@code manifest.md}
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned image-spec tag
   */
  public static String image(String document, String anchor) {
    return IMAGE_BASE + document + "#" + anchor;
  }

  /**
   * {@code bundle.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String bundle(String anchor) {
    return BASE + "bundle.md#" + anchor;
  }

  /**
   * {@code config.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String config(String anchor) {
    return BASE + "config.md#" + anchor;
  }

  /**
   * {@code config-linux.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String configLinux(String anchor) {
    return BASE + "config-linux.md#" + anchor;
  }

  /**
   * {@code config-windows.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String configWindows(String anchor) {
    return BASE + "config-windows.md#" + anchor;
  }

  /**
   * {@code config-zos.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String configZos(String anchor) {
    return BASE + "config-zos.md#" + anchor;
  }

  /**
   * {@code config-freebsd.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String configFreebsd(String anchor) {
    return BASE + "config-freebsd.md#" + anchor;
  }

  /**
   * {@code config-solaris.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String configSolaris(String anchor) {
    return BASE + "config-solaris.md#" + anchor;
  }

  /**
   * {@code runtime.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String runtime(String anchor) {
    return BASE + "runtime.md#" + anchor;
  }

  /**
   * {@code features.md#anchor}.
   *
   * @param anchor the section's anchor, without {@code #}
   * @return the link at the pinned runtime-spec tag
   */
  public static String features(String anchor) {
    return BASE + "features.md#" + anchor;
  }
}
