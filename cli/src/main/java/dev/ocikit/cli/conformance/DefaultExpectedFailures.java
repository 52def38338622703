package dev.ocikit.cli.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the expected-failures file shipped in the checkout for a runtime: {@code
 * runtime-tester/expected-failures/<name>-<version>.txt}, where name is the executable's file name
 * and version the first {@code x.y.z} of its {@code --version} output (runc 1.1.5+ds1 gives {@code
 * runc-1.1.5.txt}). The directory is looked for above the working directory and above the location
 * of this class (the launcher runs from {@code cli/target}).
 */
final class DefaultExpectedFailures {
  static final String DIR = "runtime-tester/expected-failures";
  private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)");

  private DefaultExpectedFailures() {}

  /** The file for {@code runtime}, if the checkout has one. */
  static Optional<Path> find(Path runtime) {
    Optional<String> version = version(runtime);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    String file = runtime.getFileName() + "-" + version.get() + ".txt";
    for (Path start : starts()) {
      for (Path d = start; d != null; d = d.getParent()) {
        Path candidate = d.resolve(DIR).resolve(file);
        if (Files.isRegularFile(candidate)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  /** The first x.y.z in the first line of {@code runtime --version}. */
  static Optional<String> version(Path runtime) {
    try {
      Process p =
          new ProcessBuilder(runtime.toString(), "--version")
              .redirectErrorStream(true)
              .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
              .start();
      byte[] out = p.getInputStream().readNBytes(4096);
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return Optional.empty();
      }
      String first = new String(out, StandardCharsets.UTF_8).lines().findFirst().orElse("");
      Matcher m = VERSION.matcher(first);
      return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static Path[] starts() {
    Path cwd = Path.of("").toAbsolutePath();
    try {
      Path code =
          Path.of(
              DefaultExpectedFailures.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toURI());
      return new Path[] {cwd, code.toAbsolutePath()};
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return new Path[] {cwd};
    }
  }
}
