package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Level;
import dev.ocikit.check.ValidationOptions;
import dev.ocikit.validate.BundleValidator;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No false alarms against the real machine: a bundle whose config.json `runc spec` writes here
 * raises nothing (no error, no warning) with --host-specific. Skipped where runc is not installed.
 */
class HostSpecificRuncSpecTest {
  @ParameterizedTest
  @ValueSource(strings = {"", "--rootless"})
  void runcSpecIsCleanOnThisHost(String flag, @TempDir Path bundle) throws Exception {
    Path runc = onPath("runc");
    assumeTrue(runc != null, "runc is not installed");
    List<String> cmd =
        flag.isEmpty() ? List.of(runc.toString(), "spec") : List.of(runc.toString(), "spec", flag);
    Process p =
        new ProcessBuilder(cmd).directory(bundle.toFile()).redirectErrorStream(true).start();
    assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "runc spec failed");
    // runc spec runs "sh": give the rootfs one (process.args.executable-in-rootfs is not host-
    // specific, and a rootfs without it would rightly get that advice).
    RuleFixtures.populate(
        Files.createDirectories(bundle.resolve("rootfs")), Map.of("bin/sh", "exec"));

    List<Finding> findings =
        BundleValidator.validate(bundle, new ValidationOptions(Level.MAY, null, true)).findings();
    assertEquals(List.of(), findings, () -> "runc spec " + flag + ": " + findings);
  }

  private static Path onPath(String name) throws IOException {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      Path p = Path.of(dir, name);
      if (Files.isExecutable(p)) {
        return p;
      }
    }
    return null;
  }
}
