package dev.ocikit.image.unpack;

import java.util.List;
import java.util.Objects;

/**
 * Options for {@link LayerApplier}. Start from {@link #defaults()} and adjust with the {@code
 * with…} methods; the limits defend against decompression and archive bombs and are documented with
 * their defaults in {@code docs/security.md}.
 *
 * @param rootless unpack as an unprivileged user: no chown, device nodes become empty regular
 *     files, modes keep owner access
 * @param uidMap uid mapping applied to every entry owner (empty: identity)
 * @param gidMap gid mapping applied to every entry group (empty: identity)
 * @param maxTotalBytes most decompressed tar bytes read over all layers
 * @param maxEntries most tar entries over all layers
 * @param maxPathLength longest entry name or link target, in bytes of UTF-8
 * @param maxPaxHeaderSize largest PAX extended header (one entry's header block data), in bytes
 * @param cancellation lets another thread stop the unpack ({@link Cancellation#NONE}: nothing can)
 */
public record UnpackOptions(
    boolean rootless,
    List<IdMapping> uidMap,
    List<IdMapping> gidMap,
    long maxTotalBytes,
    long maxEntries,
    int maxPathLength,
    int maxPaxHeaderSize,
    Cancellation cancellation) {

  /** Default total decompressed size limit: 32 GiB. */
  public static final long DEFAULT_MAX_TOTAL_BYTES = 32L << 30;

  /** Default entry count limit: 2 million. */
  public static final long DEFAULT_MAX_ENTRIES = 2_000_000;

  /** Default path length limit: 4096 bytes (Linux PATH_MAX). */
  public static final int DEFAULT_MAX_PATH_LENGTH = 4096;

  /** Default PAX header size limit: 1 MiB. */
  public static final int DEFAULT_MAX_PAX_HEADER_SIZE = 1 << 20;

  /** Copies the maps so the options stay immutable. */
  public UnpackOptions {
    uidMap = List.copyOf(uidMap);
    gidMap = List.copyOf(gidMap);
    Objects.requireNonNull(cancellation, "cancellation");
  }

  /** Privileged unpack, identity id maps, default limits. */
  public static UnpackOptions defaults() {
    return new UnpackOptions(
        false,
        List.of(),
        List.of(),
        DEFAULT_MAX_TOTAL_BYTES,
        DEFAULT_MAX_ENTRIES,
        DEFAULT_MAX_PATH_LENGTH,
        DEFAULT_MAX_PAX_HEADER_SIZE,
        Cancellation.NONE);
  }

  /** Returns a copy with rootless mode switched. */
  public UnpackOptions withRootless(boolean value) {
    return new UnpackOptions(
        value,
        uidMap,
        gidMap,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        cancellation);
  }

  /** Returns a copy with the given id maps. */
  public UnpackOptions withIdMaps(List<IdMapping> uids, List<IdMapping> gids) {
    return new UnpackOptions(
        rootless,
        uids,
        gids,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        cancellation);
  }

  /** Returns a copy with the given limits. */
  public UnpackOptions withLimits(
      long totalBytes, long entries, int pathLength, int paxHeaderSize) {
    return new UnpackOptions(
        rootless, uidMap, gidMap, totalBytes, entries, pathLength, paxHeaderSize, cancellation);
  }

  /** Returns a copy that {@code value} can stop. */
  public UnpackOptions withCancellation(Cancellation value) {
    return new UnpackOptions(
        rootless,
        uidMap,
        gidMap,
        maxTotalBytes,
        maxEntries,
        maxPathLength,
        maxPaxHeaderSize,
        value);
  }
}
