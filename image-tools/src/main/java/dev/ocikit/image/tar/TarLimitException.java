package dev.ocikit.image.tar;

import dev.ocikit.image.TarLimits;

/**
 * A {@link TarLimits} limit was reached; the message names the limit, its value and where in the
 * stream, e.g. {@code entry "a": limit maxPathLength=4096 exceeded: the name is 5000 bytes}.
 */
public final class TarLimitException extends TarException {
  private static final long serialVersionUID = 1L;

  private final String limit;
  private final long value;
  private final String detail;

  TarLimitException(String where, String limit, long value, String detail) {
    super(where, "limit " + limit + "=" + value + " exceeded: " + detail);
    this.limit = limit;
    this.value = value;
    this.detail = detail;
  }

  /** {@return the limit's name as in {@link TarLimits}, e.g. {@code maxPaxHeaderSize}} */
  public String limit() {
    return limit;
  }

  /** {@return the limit's value} */
  public long value() {
    return value;
  }

  /**
   * The same refusal placed in a larger whole, e.g. {@code layer 2 (sha256:…)} in front of {@code
   * entry "a"}.
   */
  public TarLimitException within(String outer) {
    TarLimitException e = new TarLimitException(outer + " " + where(), limit, value, detail);
    e.initCause(this);
    return e;
  }
}
