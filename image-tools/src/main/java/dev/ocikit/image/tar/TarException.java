package dev.ocikit.image.tar;

import java.io.IOException;

/**
 * A tar stream that {@link TarReader} refuses. The message is one line: where in the stream (an
 * entry name, quoted and escaped, or the entry after one) and what is wrong there. These are the
 * only exceptions the reader throws for bad input; a failure of the stream underneath (a corrupt
 * gzip stream, a digest mismatch) passes through as the stream threw it.
 */
public abstract sealed class TarException extends IOException
    permits TarFormatException, TarLimitException, SparseEntryException {
  private static final long serialVersionUID = 1L;

  private final String where;
  private final String problem;

  TarException(String where, String problem) {
    super(where + ": " + problem);
    this.where = where;
    this.problem = problem;
  }

  /** {@return where in the stream, e.g. {@code entry "etc/passwd"} or {@code the first entry}} */
  public String where() {
    return where;
  }

  /** {@return what is wrong, without the place} */
  public String problem() {
    return problem;
  }
}
