package dev.ocikit.bench;

import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.validate.BundleValidator;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.check.ValidationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** In-process cost of validating one typical config and of parsing + binding it. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ValidateBench {
  @Param("../testdata/bundles/sample")
  public String bundle;

  private Path bundlePath;
  private byte[] config;

  @Setup
  public void setUp() throws IOException {
    bundlePath = Path.of(bundle);
    config = Files.readAllBytes(bundlePath.resolve("config.json"));
  }

  /** Whole bundle: read config.json, strict parse, schema, version and semantic rules. */
  @Benchmark
  public ValidationResult validateBundle() throws IOException {
    return BundleValidator.validate(bundlePath, ValidationOptions.DEFAULT);
  }

  /** Strict parse with locations plus binding to the typed model. */
  @Benchmark
  public RuntimeConfig parseAndBind() throws IOException {
    return RuntimeConfig.fromJson(StrictJson.reader().read(config, "config.json").root());
  }
}
