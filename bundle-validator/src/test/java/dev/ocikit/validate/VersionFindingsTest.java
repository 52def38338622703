package dev.ocikit.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What each ociVersion gets: the SemVer form stays a schema keyword; versions before 1.0.0 (by
 * SemVer precedence, so 1.0.0-rc5 too) get advice naming the range this validator knows, not a MUST
 * error; another major version stays a MUST finding.
 */
class VersionFindingsTest {
  private static final ValidationOptions ALL = new ValidationOptions(Level.MAY, null, false);

  @TempDir Path tmp;

  @ParameterizedTest
  @CsvSource({
    "0.5.0, config.oci-version.older ADVICE",
    "0.5.0-dev, config.oci-version.older ADVICE",
    "1.0.0-rc5, config.oci-version.older ADVICE",
    "1.0.0-rc5+dev, config.oci-version.older ADVICE",
    "1.0.0, ''",
    "1.0.0+dev, ''",
    "1.0.2-dev, ''",
    "1.1.0-rc.1, ''",
    "1.3.0, ''",
    "1.4.0, config.oci-version.newer ADVICE",
    "2.0.0, config.oci-version.major MUST",
    "1.0, schema.pattern MUST",
    "v1.0.0, schema.pattern MUST"
  })
  void versionFindings(String version, String expected) throws IOException {
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config,
        "{\"ociVersion\": \""
            + version
            + "\", \"root\": {\"path\": \"rootfs\"}, \"process\": {\"user\": {\"uid\": 0, \"gid\":"
            + " 0}, \"args\": [\"sh\"], \"cwd\": \"/\"}}");
    List<String> got =
        BundleValidator.validateConfig(config, ALL).findings().stream()
            .map(f -> f.ruleId() + " " + f.level())
            .toList();
    assertEquals(expected.isEmpty() ? List.of() : List.of(expected), got, version);
  }

  @ParameterizedTest
  @CsvSource({"0.5.0", "1.0.0-rc5"})
  void olderVersionsNameTheRange(String version) throws IOException {
    Path config = tmp.resolve("config.json");
    Files.writeString(
        config, "{\"ociVersion\": \"" + version + "\", \"root\": {\"path\": \"rootfs\"}}");
    List<Finding> got = BundleValidator.validateConfig(config, ALL).findings();
    assertEquals(
        List.of(
            "advice: ociVersion "
                + version
                + " comes before runtime-spec 1.0.0; this toolkit validates configs from 1.0.0 to"
                + " 1.3.0, so it checks this one against 1.3.0 rules, which a pre-1.0 config may"
                + " not follow"),
        got.stream().map(Finding::message).toList());
    assertEquals(Severity.WARNING, got.get(0).severity());
  }
}
