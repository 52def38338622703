package dev.ocikit.image.unpack;

/**
 * How a layer blob is compressed, as named by the layer media types of the <a
 * href="https://github.com/opencontainers/image-spec/blob/v1.1.1/layer.md">image-spec layer
 * changeset</a> ({@code tar}, {@code tar+gzip}, {@code tar+zstd}).
 */
public enum Compression {
  /** Plain tar. */
  NONE,
  /** gzip (RFC 1952), magic {@code 1f 8b}. */
  GZIP,
  /** zstd (RFC 8478), magic {@code 28 b5 2f fd}. */
  ZSTD,
  /** Decide from the first bytes of the stream. */
  DETECT;

  /** Maps a layer media type to its compression; unknown suffixes mean {@link #DETECT}. */
  public static Compression fromMediaType(String mediaType) {
    if (mediaType.endsWith("+gzip")) {
      return GZIP;
    }
    if (mediaType.endsWith("+zstd")) {
      return ZSTD;
    }
    return mediaType.endsWith(".tar") ? NONE : DETECT;
  }
}
