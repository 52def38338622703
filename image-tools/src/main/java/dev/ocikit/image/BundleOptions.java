package dev.ocikit.image;

import dev.ocikit.validate.schema.VersionCheck;
import java.util.Objects;

/**
 * How {@link BundleCreator} makes a runtime bundle from an image. Start from {@link #defaults()}
 * and adjust with the {@code with…} methods.
 *
 * @param unpack how the image is picked and its layers applied (platform, listener, limits,
 *     cancellation); {@code rootless} also makes the config rootless (user namespace mapping the
 *     current user to root), and uid/gid maps become the config's user namespace mappings
 * @param readonlyRootfs whether {@code root.readonly} is set (default false: images expect to write
 *     to their root filesystem)
 * @param ociVersion the {@code ociVersion} config.json declares, or null for the newest known (for
 *     runtimes that refuse newer configs, such as crun 1.8.1 which accepts 1.0.x only)
 */
public record BundleOptions(UnpackOptions unpack, boolean readonlyRootfs, String ociVersion) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if {@code unpack} is null
   * @throws IllegalArgumentException if {@code ociVersion} is not a runtime-spec version from 1.0.0
   *     to the newest known
   * @param unpack how the image is picked and applied
   * @param readonlyRootfs whether {@code root.readonly} is set
   * @param ociVersion the {@code ociVersion} to declare, or null for the newest known
   */
  public BundleOptions {
    Objects.requireNonNull(unpack, "unpack");
    if (ociVersion != null) {
      VersionCheck.requireSupported(ociVersion, "ociVersion");
    }
  }

  /**
   * Privileged unpack, platform chosen automatically, writable root, no progress.
   *
   * @return the defaults
   */
  public static BundleOptions defaults() {
    return new BundleOptions(UnpackOptions.defaults(), false, null);
  }

  /**
   * Returns a copy whose config declares {@code value}.
   *
   * @throws IllegalArgumentException when not a runtime-spec version from 1.0.0 to the newest known
   * @param value a runtime-spec version such as {@code 1.0.2}
   * @return the copy
   */
  public BundleOptions withOciVersion(String value) {
    return new BundleOptions(unpack, readonlyRootfs, value);
  }

  /**
   * {@return a copy with other unpack options}
   *
   * @param value the unpack options
   */
  public BundleOptions withUnpack(UnpackOptions value) {
    return new BundleOptions(value, readonlyRootfs, ociVersion);
  }

  /**
   * {@return a copy with {@code root.readonly} switched}
   *
   * @param value whether {@code root.readonly} is set
   */
  public BundleOptions withReadonlyRootfs(boolean value) {
    return new BundleOptions(unpack, value, ociVersion);
  }

  /**
   * {@return a copy that picks another platform (null: automatic); short for the unpack option}
   *
   * @param value the platform, or null
   */
  public BundleOptions withPlatform(PlatformSpec value) {
    return withUnpack(unpack.withPlatform(value));
  }

  /**
   * {@return a copy with another listener; short for the unpack option}
   *
   * @param value the listener
   */
  public BundleOptions withProgress(Progress value) {
    return withUnpack(unpack.withProgress(value));
  }
}
