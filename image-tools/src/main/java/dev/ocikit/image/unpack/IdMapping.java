package dev.ocikit.image.unpack;

import java.util.List;
import java.util.OptionalInt;

/**
 * One range of a uid or gid map, as in runtime-spec {@code linux.uidMappings}: ids {@code
 * containerId .. containerId+size-1} in the layer become {@code hostId ..} on disk.
 *
 * @param containerId first id as written in the layer
 * @param hostId first id written to disk
 * @param size number of ids in the range, at least 1
 */
public record IdMapping(long containerId, long hostId, long size) {

  // Rejects empty or negative ranges.
  public IdMapping {
    if (containerId < 0 || hostId < 0 || size < 1) {
      throw new IllegalArgumentException(
          "invalid id mapping " + containerId + ":" + hostId + ":" + size);
    }
  }

  /** Maps {@code id} through {@code maps}; an empty list is the identity; empty if unmapped. */
  static OptionalInt map(List<IdMapping> maps, long id) {
    if (maps.isEmpty()) {
      return id <= Integer.MAX_VALUE ? OptionalInt.of((int) id) : OptionalInt.empty();
    }
    for (IdMapping m : maps) {
      if (id >= m.containerId && id - m.containerId < m.size) {
        long host = m.hostId + (id - m.containerId);
        return host <= Integer.MAX_VALUE ? OptionalInt.of((int) host) : OptionalInt.empty();
      }
    }
    return OptionalInt.empty();
  }
}
