package dev.ocikit.image;

/**
 * One range of a uid or gid map, as in runtime-spec {@code linux.uidMappings}: ids {@code
 * containerId .. containerId+size-1} in the layer become {@code hostId ..} on disk.
 *
 * @param containerId first id as written in the layer
 * @param hostId first id written to disk
 * @param size number of ids in the range, at least 1
 */
public record IdMapping(long containerId, long hostId, long size) {

  /**
   * Rejects empty or negative ranges with an {@link IllegalArgumentException}.
   *
   * @param containerId first id as written in the layer
   * @param hostId first id written to disk
   * @param size number of ids in the range
   */
  public IdMapping {
    if (containerId < 0 || hostId < 0 || size < 1) {
      throw new IllegalArgumentException(
          "invalid id mapping " + containerId + ":" + hostId + ":" + size);
    }
  }
}
