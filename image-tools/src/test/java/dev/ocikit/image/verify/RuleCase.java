package dev.ocikit.image.verify;

import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of the image rule table: a layout written by hand and what validating it must give. A
 * failing case names the one rule it must raise and a fragment of its message; a passing case must
 * raise nothing at all, and names the rules whose check it exercises.
 *
 * @param rules the rule the case fails (exactly one), or the rules a passing case exercises
 * @param name what the layout holds
 * @param message a fragment of the expected finding's message; null for a passing case
 * @param also other rule ids the failing layout raises as well, unavoidably (e.g. a schema finding
 *     on the same property)
 * @param requireAllBlobs validate as a completeness check
 * @param layout writes the layout
 */
record RuleCase(
    List<String> rules,
    String name,
    String message,
    List<String> also,
    boolean requireAllBlobs,
    Fixture layout) {

  /** Writes one layout into a fresh {@link TestLayout}. */
  @FunctionalInterface
  interface Fixture {
    void write(TestLayout l) throws IOException;
  }

  static RuleCase fail(String rule, String message, String name, Fixture layout) {
    return new RuleCase(List.of(rule), name, message, List.of(), false, layout);
  }

  static RuleCase pass(String name, Fixture layout, String... rules) {
    return new RuleCase(List.of(rules), name, null, List.of(), false, layout);
  }

  /** The same case, raising {@code others} too. */
  RuleCase alongside(String... others) {
    return new RuleCase(rules, name, message, List.of(others), requireAllBlobs, layout);
  }

  /** The same case, validated as a completeness check. */
  RuleCase requiringAllBlobs() {
    return new RuleCase(rules, name, message, also, true, layout);
  }

  boolean failing() {
    return message != null;
  }

  @Override
  public String toString() {
    return (failing() ? "fails " : "passes ") + String.join(", ", rules) + ": " + name;
  }

  /** An image whose layers are the given plain tars, bottom first; returns the manifest. */
  static Blob image(TestLayout l, String manifestExtra, byte[]... tars) throws IOException {
    List<Blob> layers = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (byte[] t : tars) {
      layers.add(l.blob(TestLayout.TAR, t));
      diffIds.add(Digest.compute(l.algorithm, t));
    }
    Blob manifest = l.manifest(l.config(diffIds), layers, manifestExtra);
    l.index(manifest.descriptor());
    return manifest;
  }

  /** A manifest of {@code layers} over an image config whose JSON is given whole. */
  static Blob imageWithConfig(TestLayout l, String configJson, byte[] tar) throws IOException {
    Blob config = l.blob(TestLayout.CONFIG, configJson);
    Blob manifest = l.manifest(config, List.of(l.blob(TestLayout.TAR, tar)), "");
    l.index(manifest.descriptor());
    return manifest;
  }

  /** An artifact manifest: empty config, {@code layers} as given (JSON descriptors). */
  static Blob artifact(TestLayout l, String layers, String extra) throws IOException {
    Blob empty = l.blob(TestLayout.EMPTY, "{}");
    return l.blob(
        TestLayout.MANIFEST,
        "{\"schemaVersion\":2,\"mediaType\":\""
            + TestLayout.MANIFEST
            + "\",\"artifactType\":\"application/vnd.example\",\"config\":"
            + empty.descriptor()
            + ",\"layers\":["
            + layers
            + "]"
            + extra
            + "}");
  }
}
