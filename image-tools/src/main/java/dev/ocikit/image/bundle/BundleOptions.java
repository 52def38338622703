package dev.ocikit.image.bundle;

import dev.ocikit.image.unpack.UnpackOptions;
import dev.ocikit.validate.schema.VersionCheck;

/**
 * Options for creating a runtime bundle from an image. Start from {@link #defaults()}.
 *
 * @param unpack how layers are applied; {@code rootless} also makes the config rootless (user
 *     namespace mapping the current user to root), and uid/gid maps become the config's user
 *     namespace mappings
 * @param platform the platform to pick from an index, or null for the only image, else the host's
 * @param readonlyRootfs whether {@code root.readonly} is set (default false: images expect to write
 *     to their root filesystem)
 * @param progress hears the unpack advance
 * @param ociVersion the {@code ociVersion} config.json declares, or null for the newest known (for
 *     runtimes that refuse newer configs, such as crun 1.8.1 which accepts 1.0.x only)
 */
public record BundleOptions(
    UnpackOptions unpack,
    PlatformSpec platform,
    boolean readonlyRootfs,
    Progress progress,
    String ociVersion) {

  /** Privileged unpack, platform chosen automatically, writable root, no progress. */
  public static BundleOptions defaults() {
    return new BundleOptions(UnpackOptions.defaults(), null, false, Progress.NONE, null);
  }

  /**
   * Returns a copy whose config declares {@code value}.
   *
   * @throws IllegalArgumentException when not a runtime-spec version from 1.0.0 to the newest known
   */
  public BundleOptions withOciVersion(String value) {
    VersionCheck.requireSupported(value, "ociVersion");
    return new BundleOptions(unpack, platform, readonlyRootfs, progress, value);
  }

  /** {@return a copy with other unpack options} */
  public BundleOptions withUnpack(UnpackOptions value) {
    return new BundleOptions(value, platform, readonlyRootfs, progress, ociVersion);
  }

  /** {@return a copy with another platform (null: automatic)} */
  public BundleOptions withPlatform(PlatformSpec value) {
    return new BundleOptions(unpack, value, readonlyRootfs, progress, ociVersion);
  }

  /** {@return a copy with {@code root.readonly} switched} */
  public BundleOptions withReadonlyRootfs(boolean value) {
    return new BundleOptions(unpack, platform, value, progress, ociVersion);
  }

  /** {@return a copy with another listener} */
  public BundleOptions withProgress(Progress value) {
    return new BundleOptions(unpack, platform, readonlyRootfs, value, ociVersion);
  }
}
