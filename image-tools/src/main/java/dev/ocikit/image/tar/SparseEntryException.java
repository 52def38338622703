package dev.ocikit.image.tar;

/**
 * A sparse file entry (GNU type {@code S}, or PAX {@code GNU.sparse.*} records), refused as soon as
 * its header says so: its sparse map is never read. image-spec {@code layer.md} says sparse files
 * SHOULD NOT be used.
 */
public final class SparseEntryException extends TarException {
  private static final long serialVersionUID = 1L;

  SparseEntryException(String where, String problem) {
    super(where, problem);
  }
}
