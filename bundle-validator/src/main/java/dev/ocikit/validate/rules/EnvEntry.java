package dev.ocikit.validate.rules;

import java.util.Optional;

/**
 * An environment entry as process.env and hook env define it: {@code KEY=value}, the key made of
 * letters, digits and underscores not starting with a digit (IEEE Std 1003.1-2008, chapter 8).
 */
public final class EnvEntry {
  private EnvEntry() {}

  /**
   * What is wrong with the shape of {@code entry} (a non-empty name, then {@code =}), or empty when
   * it has it; says nothing about which characters the name uses.
   */
  public static Optional<String> shapeProblem(String entry) {
    int eq = entry.indexOf('=');
    if (eq < 0) {
      return Optional.of("has no '=' (expected KEY=value)");
    }
    if (eq == 0) {
      return Optional.of("has an empty key (expected KEY=value)");
    }
    return Optional.empty();
  }

  /** {@return what is wrong with {@code entry}, or empty when it has the {@code KEY=value} form} */
  public static Optional<String> problem(String entry) {
    Optional<String> shape = shapeProblem(entry);
    if (shape.isPresent()) {
      return shape;
    }
    int eq = entry.indexOf('=');
    String key = entry.substring(0, eq);
    if (Character.isDigit(key.charAt(0))) {
      return Optional.of("key \"" + key + "\" starts with a digit");
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!(c == '_' || (c < 128 && Character.isLetterOrDigit(c)))) {
        return Optional.of(
            "key \"" + key + "\" holds '" + c + "' (only letters, digits and '_' are portable)");
      }
    }
    return Optional.empty();
  }
}
