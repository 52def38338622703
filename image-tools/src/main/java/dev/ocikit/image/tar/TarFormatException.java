package dev.ocikit.image.tar;

/**
 * The stream is not a tar archive as {@link TarReader} reads one: a header checksum that does not
 * match, a number field that is not a number, a malformed PAX record, a stream that ends inside a
 * header or an entry.
 */
public final class TarFormatException extends TarException {
  private static final long serialVersionUID = 1L;

  TarFormatException(String where, String problem) {
    super(where, problem);
  }
}
