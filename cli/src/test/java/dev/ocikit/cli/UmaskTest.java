package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Report files and generated configs get the mode a plain create gives under the umask (a CI
 * collector running as another user reads them under 022, nobody else does under 077), whatever the
 * umask of the JVM running the tests: each writer runs in a JVM started under the umask.
 */
class UmaskTest {
  private static final Path BUNDLE = Checkout.testdata().resolve("bundles/sample");

  @TempDir Path tmp;

  private static String mode(Path file) throws IOException {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** No temporary file of an atomic write is left beside the outputs. */
  private static void onlyThese(Path dir, String... names) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(names).stream().sorted().toList(),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @ParameterizedTest
  @CsvSource({"022, rw-r--r--", "077, rw-------", "002, rw-rw-r--"})
  void validationReportFile(String umask, String expected) throws Exception {
    Path out = tmp.resolve("out");
    for (String format : List.of("json", "sarif", "junit", "tap", "text")) {
      Path report = out.resolve("report." + format);
      Result r =
          new ToolProcess(tmp)
              .umask(umask)
              .run("OciValidate", "--format=" + format, "--output=" + report, BUNDLE.toString());
      assertEquals(0, r.exit(), r.err());
      assertEquals(expected, mode(report), format + " under umask " + umask);
    }
    onlyThese(out, "report.json", "report.sarif", "report.junit", "report.tap", "report.text");
  }

  @ParameterizedTest
  @CsvSource({"022, rw-r--r--", "077, rw-------"})
  void generatedConfigReplacingAPrivateFile(String umask, String expected) throws Exception {
    Path config = tmp.resolve("config.json");
    // An older file of mode 0600 is replaced by a new one: the mode is a new file's, not the old.
    Files.writeString(config, "{}");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-------"));
    Result r =
        new ToolProcess(tmp).umask(umask).run("OciTool", "generate", "--output", config.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(config).contains("\"ociVersion\""), "the generated config");
    assertEquals(expected, mode(config), "under umask " + umask);
  }

  @ParameterizedTest
  @CsvSource({"022, rw-r--r--", "077, rw-------"})
  void conformanceReportDirectory(String umask, String expected) throws Exception {
    Path dir = tmp.resolve("conformance");
    Result r = new ToolProcess(tmp).umask(umask).run("WriteConformanceReports", dir.toString());
    assertEquals(0, r.exit(), r.err());
    for (String name : List.of("conformance.tap", "junit.xml", "conformance.json", "index.html")) {
      assertEquals(expected, mode(dir.resolve(name)), name + " under umask " + umask);
    }
    onlyThese(dir, "conformance.tap", "junit.xml", "conformance.json", "index.html");
  }
}
