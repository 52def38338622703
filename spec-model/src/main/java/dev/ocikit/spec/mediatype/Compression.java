package dev.ocikit.spec.mediatype;

/** How a layer's tar stream is compressed, as told by its media type. */
public enum Compression {
  /** A plain tar archive. */
  NONE,
  /** A tar archive compressed with gzip (RFC 1952). */
  GZIP,
  /** A tar archive compressed with zstd (RFC 8478). */
  ZSTD,
  /** The media type does not say: not a recognizable layer type. */
  UNKNOWN
}
