package dev.ocikit.generate;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.BundleValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** Test helpers: validate a config as a file, read values by JSON pointer. */
final class Configs {
  private Configs() {}

  /** The ERROR findings of the validator for {@code config}, one per line; empty when valid. */
  static String errors(RuntimeConfig config) throws IOException {
    Path dir = Files.createTempDirectory("ocikit-generate");
    Path file = dir.resolve("config.json");
    try {
      OciJson.write(file, config);
      List<Finding> errors =
          BundleValidator.validateConfig(file, ValidationOptions.DEFAULT).findings().stream()
              .filter(Finding::isError)
              .toList();
      return errors.stream()
          .map(f -> f.ruleId() + " " + f.location() + ": " + f.message())
          .collect(Collectors.joining("\n"));
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  static JsonNode at(RuntimeConfig config, String pointer) {
    return config.toJson().at(pointer);
  }
}
