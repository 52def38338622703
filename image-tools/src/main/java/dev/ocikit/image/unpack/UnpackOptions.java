package dev.ocikit.image.unpack;

import dev.ocikit.image.tar.TarLimits;
import java.util.List;
import java.util.Objects;

/**
 * Options for {@link LayerApplier}. Start from {@link #defaults()} and adjust with the {@code
 * with…} methods; the limits defend against decompression and archive bombs, are the same {@link
 * TarLimits} validation reads layers under, and are documented with their defaults in {@code
 * docs/security.md}.
 *
 * @param rootless unpack as an unprivileged user: no chown, device nodes become empty regular
 *     files, modes keep owner access
 * @param uidMap uid mapping applied to every entry owner (empty: identity)
 * @param gidMap gid mapping applied to every entry group (empty: identity)
 * @param limits the limits every layer is read under, counted over all layers of one unpack
 * @param cancellation lets another thread stop the unpack ({@link Cancellation#NONE}: nothing can)
 */
public record UnpackOptions(
    boolean rootless,
    List<IdMapping> uidMap,
    List<IdMapping> gidMap,
    TarLimits limits,
    Cancellation cancellation) {

  // Copies the maps so the options stay immutable.
  public UnpackOptions {
    uidMap = List.copyOf(uidMap);
    gidMap = List.copyOf(gidMap);
    Objects.requireNonNull(limits, "limits");
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** Privileged unpack, identity id maps, default limits, no cancellation. */
  public static UnpackOptions defaults() {
    return new UnpackOptions(false, List.of(), List.of(), TarLimits.DEFAULTS, Cancellation.NONE);
  }

  /** {@return a copy with rootless mode switched} */
  public UnpackOptions withRootless(boolean value) {
    return new UnpackOptions(value, uidMap, gidMap, limits, cancellation);
  }

  /** {@return a copy with the given id maps} */
  public UnpackOptions withIdMaps(List<IdMapping> uids, List<IdMapping> gids) {
    return new UnpackOptions(rootless, uids, gids, limits, cancellation);
  }

  /** {@return a copy with the given limits} */
  public UnpackOptions withLimits(TarLimits value) {
    return new UnpackOptions(rootless, uidMap, gidMap, value, cancellation);
  }

  /** {@return a copy that {@code value} can stop} */
  public UnpackOptions withCancellation(Cancellation value) {
    return new UnpackOptions(rootless, uidMap, gidMap, limits, value);
  }
}
