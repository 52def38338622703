package dev.ocikit.image.layout;

import java.util.Objects;

/**
 * One entry under {@code blobs/} of a layout, as found on disk or in an archive.
 *
 * @param path the path relative to the layout root, with {@code /} separators, e.g. {@code
 *     blobs/sha256/ab12…}
 * @param kind what kind of file it is
 * @param size the length in bytes for regular files, 0 otherwise
 */
public record BlobFile(String path, Kind kind, long size) {
  /** The kinds of filesystem entry an image source can hold. */
  public enum Kind {
    /** A regular file: the only kind a blob may be. */
    REGULAR("a regular file"),
    /** A directory. */
    DIRECTORY("a directory"),
    /** A symbolic or hard link. */
    LINK("a link"),
    /** A device, FIFO, socket, sparse entry or anything else. */
    OTHER("a special file");

    private final String words;

    Kind(String words) {
      this.words = words;
    }

    /** {@return the kind in words for messages, e.g. {@code a link}} */
    public String words() {
      return words;
    }
  }

  // Checks the required parts.
  public BlobFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(kind, "kind");
  }
}
