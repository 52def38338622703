package dev.ocikit.spec.model;

/**
 * A JSON value does not have the shape a model type needs (for example a document root that is not
 * an object). Inside a document, misfitting properties do not throw: they are kept in {@code
 * otherProperties()}.
 */
public final class JsonShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception with a message naming what was expected and what was found.
   *
   * @param message what was expected and what was found
   */
  public JsonShapeException(String message) {
    super(message);
  }

  // Thrown on every misfit while binding leniently; a stack trace would be pure cost.
  @Override
  public synchronized Throwable fillInStackTrace() {
    return this;
  }
}
