package dev.ocikit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The class Javadoc says {@link BundleValidator} may be called from many threads at once: 8 threads
 * run it over every rule fixture and the sample bundles, each in its own order, with one shared
 * options record, and must get exactly the results a single thread gets.
 */
class ConcurrentValidationTest {
  private static final int THREADS = 8;

  @Test
  void eightThreadsSharingOptionsGetTheSingleThreadedResults() throws Exception {
    ValidationOptions options = ValidationOptions.DEFAULT;
    List<Path> inputs = inputs();
    Map<Path, ValidationResult> expected = new LinkedHashMap<>();
    for (Path p : inputs) {
      expected.put(p, validate(options, p));
    }
    // The fixtures must give the threads something to disagree about.
    assertTrue(
        expected.values().stream().anyMatch(r -> !r.findings().isEmpty()),
        "no input raised a finding");

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Map<Path, ValidationResult>>> runs = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        List<Path> order = new ArrayList<>(inputs);
        Collections.shuffle(order, new Random(t));
        runs.add(
            pool.submit(
                () -> {
                  start.await();
                  Map<Path, ValidationResult> got = new LinkedHashMap<>();
                  for (Path p : order) {
                    got.put(p, validate(options, p));
                  }
                  return got;
                }));
      }
      start.countDown();
      for (Future<Map<Path, ValidationResult>> run : runs) {
        Map<Path, ValidationResult> got = run.get(5, TimeUnit.MINUTES);
        for (Path p : inputs) {
          assertEquals(expected.get(p), got.get(p), "result for " + p);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static ValidationResult validate(ValidationOptions o, Path p) throws IOException {
    return Files.isDirectory(p)
        ? BundleValidator.validate(p, o)
        : BundleValidator.validateConfig(p, o);
  }

  private static List<Path> inputs() throws IOException {
    Path testdata = Checkout.testdata();
    List<Path> out = new ArrayList<>();
    out.add(testdata.resolve("bundles/sample"));
    out.add(testdata.resolve("bundles/broken"));
    try (Stream<Path> rules = Files.list(testdata.resolve("rules"))) {
      for (Path rule : rules.sorted().toList()) {
        for (String name : List.of("good.json", "bad.json")) {
          Path config = rule.resolve(name);
          // Only config fixtures: the other document types are not the bundle validator's.
          if (Files.isRegularFile(config) && Files.readString(config).contains("\"ociVersion\"")) {
            out.add(config);
          }
        }
      }
    }
    return out;
  }
}
