package dev.ocikit.image;

import java.util.List;
import java.util.Objects;

/**
 * How {@link Unpacker} (and {@link BundleCreator}, through {@link BundleOptions#unpack()}) picks
 * and applies an image. Start from {@link #defaults()} and adjust with the {@code with…} methods;
 * the limits defend against decompression and archive bombs, are the same {@link TarLimits}
 * validation reads layers under, and are documented with their defaults in {@code
 * docs/security.md}.
 *
 * @param rootless unpack as an unprivileged user: no chown, device nodes become empty regular
 *     files, modes keep owner access
 * @param uidMap uid mapping applied to every entry owner (empty: identity)
 * @param gidMap gid mapping applied to every entry group (empty: identity)
 * @param limits the limits every layer is read under, counted over all layers of one unpack
 * @param cancellation lets another thread stop the unpack ({@link Cancellation#NONE}: nothing can)
 * @param platform the platform to pick from an index, or null for the only image, else the host's
 * @param progress hears the unpack advance ({@link Progress#NONE}: nobody)
 */
public record UnpackOptions(
    boolean rootless,
    List<IdMapping> uidMap,
    List<IdMapping> gidMap,
    TarLimits limits,
    Cancellation cancellation,
    PlatformSpec platform,
    Progress progress) {

  /**
   * Copies the maps so the options stay immutable.
   *
   * @throws NullPointerException if a map, the limits, the cancellation or the listener is null
   * @param rootless unpack as an unprivileged user
   * @param uidMap uid mapping (empty: identity)
   * @param gidMap gid mapping (empty: identity)
   * @param limits the limits every layer is read under
   * @param cancellation what can stop the unpack
   * @param platform the platform to pick, or null
   * @param progress the listener
   */
  public UnpackOptions {
    uidMap = List.copyOf(uidMap);
    gidMap = List.copyOf(gidMap);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(cancellation, "cancellation");
    Objects.requireNonNull(progress, "progress");
  }

  /**
   * Privileged unpack, identity id maps, default limits, no cancellation, platform chosen
   * automatically, no listener.
   *
   * @return the defaults
   */
  public static UnpackOptions defaults() {
    return new UnpackOptions(
        false, List.of(), List.of(), TarLimits.DEFAULTS, Cancellation.NONE, null, Progress.NONE);
  }

  /**
   * {@return a copy with rootless mode switched}
   *
   * @param value whether to unpack rootless
   */
  public UnpackOptions withRootless(boolean value) {
    return new UnpackOptions(value, uidMap, gidMap, limits, cancellation, platform, progress);
  }

  /**
   * {@return a copy with the given id maps}
   *
   * @param uids the uid mapping (empty: identity)
   * @param gids the gid mapping (empty: identity)
   */
  public UnpackOptions withIdMaps(List<IdMapping> uids, List<IdMapping> gids) {
    return new UnpackOptions(rootless, uids, gids, limits, cancellation, platform, progress);
  }

  /**
   * {@return a copy with the given limits}
   *
   * @param value the new limits
   */
  public UnpackOptions withLimits(TarLimits value) {
    return new UnpackOptions(rootless, uidMap, gidMap, value, cancellation, platform, progress);
  }

  /**
   * {@return a copy that {@code value} can stop}
   *
   * @param value the cancellation another thread may trigger
   */
  public UnpackOptions withCancellation(Cancellation value) {
    return new UnpackOptions(rootless, uidMap, gidMap, limits, value, platform, progress);
  }

  /**
   * {@return a copy that picks {@code value} from an index (null: automatic)}
   *
   * @param value the platform, or null
   */
  public UnpackOptions withPlatform(PlatformSpec value) {
    return new UnpackOptions(rootless, uidMap, gidMap, limits, cancellation, value, progress);
  }

  /**
   * {@return a copy whose unpack {@code value} hears}
   *
   * @param value the listener
   */
  public UnpackOptions withProgress(Progress value) {
    return new UnpackOptions(rootless, uidMap, gidMap, limits, cancellation, platform, value);
  }
}
