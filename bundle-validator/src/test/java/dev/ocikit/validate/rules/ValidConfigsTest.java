package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.spec.testing.Checkout;
import dev.ocikit.validate.BundleValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No false alarms: every valid runtime-config fixture (runc's generated specs, a full Linux config,
 * Windows, Solaris, FreeBSD, z/OS, VM) raises no error with the default options. The one
 * schema-valid fixture that is not a complete config is listed with the errors it must raise.
 */
class ValidConfigsTest {
  /** minimal.json is {"ociVersion"} only: the schema allows it, the spec requires root. */
  private static final Map<String, List<String>> EXPECTED_ERRORS =
      Map.of("minimal.json", List.of("root.required at "));

  @TestFactory
  Stream<DynamicTest> validConfigsRaiseNoErrors() throws IOException {
    Path dir = Checkout.testdata().resolve("documents/runtime-config/valid");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no valid runtime configs under " + dir);
    return files.stream()
        .map(
            f ->
                DynamicTest.dynamicTest(
                    f.getFileName().toString(),
                    () -> {
                      List<Finding> findings =
                          BundleValidator.validateConfig(f, ValidationOptions.DEFAULT).findings();
                      List<String> errors =
                          findings.stream()
                              .filter(Finding::isError)
                              .map(e -> e.ruleId() + " at " + e.location().pointer())
                              .toList();
                      assertEquals(
                          EXPECTED_ERRORS.getOrDefault(f.getFileName().toString(), List.of()),
                          errors,
                          () -> f + ": " + findings);
                    }));
  }
}
