package dev.ocikit.spec.json;

import java.io.IOException;

/**
 * A document that is not strict JSON. Carries where and why, so validators can turn it into a
 * finding instead of a stack trace.
 */
public final class JsonSyntaxException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Why a document was refused. */
  public enum Kind {
    /** Not valid UTF-8, or a byte order mark. */
    ENCODING,
    /** Not JSON grammar. */
    SYNTAX,
    /** The same member name twice in one object (I-JSON, RFC 7493 §2.3). */
    DUPLICATE_KEY,
    /** Content after the top-level value. */
    TRAILING_CONTENT,
    /** A size, depth or length bound was exceeded. */
    LIMIT
  }

  private final transient Kind kind;

  /** The input's name, e.g. its path. */
  private final String source;

  /** The JSON pointer of the offending value, or null. */
  private final String pointer;

  /** The line and column of the problem, or null. */
  private final JsonLocation location;

  /** The problem in words. */
  private final String reason;

  /**
   * Creates the exception; {@code pointer} may be null when not known.
   *
   * @param kind what kind of problem it is
   * @param source the input's name, e.g. its path
   * @param pointer the JSON pointer of the offending value, or null
   * @param location the line and column, or null
   * @param reason the problem in words
   */
  public JsonSyntaxException(
      Kind kind, String source, String pointer, JsonLocation location, String reason) {
    super(source + (location == null ? "" : ":" + location) + ": " + reason);
    this.kind = kind;
    this.source = source;
    this.pointer = pointer;
    this.location = location;
    this.reason = reason;
  }

  /** {@return the kind of violation} */
  public Kind kind() {
    return kind;
  }

  /** {@return the file or label of the document} */
  public String source() {
    return source;
  }

  /**
   * JSON pointer of the offending value when known, else null.
   *
   * @return the pointer, or null
   */
  public String pointer() {
    return pointer;
  }

  /** {@return where in the text, or null when the input could not be positioned} */
  public JsonLocation location() {
    return location;
  }

  /** {@return the reason without the location prefix} */
  public String reason() {
    return reason;
  }
}
