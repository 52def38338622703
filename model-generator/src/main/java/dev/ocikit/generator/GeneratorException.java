package dev.ocikit.generator;

/** A schema the generator cannot turn into Java; the message names the file and place. */
final class GeneratorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  GeneratorException(String message) {
    super(message);
  }
}
