package dev.ocikit.spec.json;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Shared readers and assertions of the strict JSON tests. */
abstract class StrictJsonSupport {
  static final JsonLimits SMALL = new JsonLimits(1000, 5, 20);

  static JsonDocument read(String text) throws JsonSyntaxException {
    return StrictJson.reader().read(text.getBytes(StandardCharsets.UTF_8), "test.json");
  }

  static JsonSyntaxException refused(byte[] bytes) {
    return assertThrows(
        JsonSyntaxException.class, () -> StrictJson.reader().read(bytes, "test.json"));
  }

  static JsonSyntaxException refused(String text) {
    return refused(text.getBytes(StandardCharsets.UTF_8));
  }

  static JsonSyntaxException refusedWith(JsonLimits limits, String text) {
    return assertThrows(
        JsonSyntaxException.class,
        () -> StrictJson.reader(limits).read(text.getBytes(StandardCharsets.UTF_8), "small.json"));
  }

  static JsonNode tree(String text) throws JsonSyntaxException {
    return read(text).root();
  }
}
