package dev.ocikit.validate.rules;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A rule's example documents, shipped in this jar ({@code ocikit/rule-examples/ID/}, from the
 * checkout's testdata/rules/ID/): one the rule passes and one it fails.
 *
 * @param good a document the rule passes
 * @param bad a document the rule fails
 */
public record RuleExamples(String good, String bad) {
  /** {@return the examples of rule {@code id}, when it has both} */
  public static Optional<RuleExamples> of(String id) {
    if (!id.matches("[a-z0-9.-]+")) {
      return Optional.empty();
    }
    String good = read("ocikit/rule-examples/" + id + "/good.json");
    String bad = read("ocikit/rule-examples/" + id + "/bad.json");
    return good == null || bad == null
        ? Optional.empty()
        : Optional.of(new RuleExamples(good, bad));
  }

  private static String read(String resource) {
    try (InputStream in = RuleExamples.class.getClassLoader().getResourceAsStream(resource)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
