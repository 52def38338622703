package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.StrictJson;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;

/** Shared fixtures of the model tests: a minimal config, strict reading, round-trip checks. */
abstract class ModelTestSupport {
  static final String MINIMAL_CONFIG =
      "{\"ociVersion\": \"1.3.0\", \"root\": {\"path\": \"rootfs\"},"
          + " \"process\": {\"cwd\": \"/\", \"args\": [\"sh\"], \"user\": {\"uid\": 0, \"gid\": 0}}}";

  static JsonNode json(String text) {
    try {
      return StrictJson.reader().read(text.getBytes(StandardCharsets.UTF_8), "test").root();
    } catch (JsonSyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static void assertRoundTrips(JsonNode input, ModelObject model) {
    JsonNode output = model.toJson();
    assertEquals(
        null,
        JsonEquivalence.firstDifference(input, output, ""),
        () -> "first difference at this pointer; input " + input + " output " + output);
  }
}
