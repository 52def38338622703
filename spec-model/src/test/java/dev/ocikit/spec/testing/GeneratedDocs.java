package dev.ocikit.spec.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Documents under docs/ rendered from data (rule catalogs, spec coverage): the committed file must
 * equal the rendering; with {@code -Docikit.regenerate=true} (or OCIKIT_REGENERATE=1) the test
 * rewrites it instead. Shipped in spec-model's test jar.
 */
public final class GeneratedDocs {
  private GeneratedDocs() {}

  /**
   * Asserts {@code docs/<name>} is {@code generated}, after rewriting it when asked to.
   *
   * @param source what it is rendered from, for the failure message
   * @param regenerate the command that rewrites it
   */
  public static void assertCurrent(String name, String generated, String source, String regenerate)
      throws IOException {
    Path file = Checkout.root().resolve("docs").resolve(name);
    if (Boolean.getBoolean("ocikit.regenerate") || "1".equals(System.getenv("OCIKIT_REGENERATE"))) {
      Files.writeString(file, generated, StandardCharsets.UTF_8);
    }
    String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    assertEquals(
        generated,
        committed,
        file + " is out of date with " + source + "; regenerate it with: " + regenerate);
  }
}
