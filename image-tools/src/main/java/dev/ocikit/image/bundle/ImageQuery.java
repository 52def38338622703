package dev.ocikit.image.bundle;

import dev.ocikit.image.PlatformSpec;

/**
 * Which image of a layout to use.
 *
 * @param ref a reference name (the {@code org.opencontainers.image.ref.name} annotation of an index
 *     entry), or {@code @<alg>:<hex>} for a manifest or nested index by digest; null or empty for
 *     no reference
 * @param platform the platform to pick from an index, or null for the only image, else the host's
 * @see <a
 *     href="https://github.com/opencontainers/image-spec/blob/v1.1.1/annotations.md#pre-defined-annotation-keys">annotations:
 *     ref.name</a>
 */
public record ImageQuery(String ref, PlatformSpec platform) {
  /** Any image: the only one, else the host platform's. */
  public static final ImageQuery ANY = new ImageQuery(null, null);

  /** Selects by reference only. */
  public static ImageQuery ref(String ref) {
    return new ImageQuery(ref, null);
  }

  /** {@return a copy with the platform replaced} */
  public ImageQuery withPlatform(PlatformSpec p) {
    return new ImageQuery(ref, p);
  }

  /** {@return whether {@link #ref()} selects by digest} */
  public boolean byDigest() {
    return ref != null && ref.startsWith("@");
  }

  /** {@return whether a reference is given} */
  public boolean hasRef() {
    return ref != null && !ref.isEmpty();
  }
}
