package dev.ocikit.cli.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the expected-failures file shipped in the checkout for a runtime: {@code
 * runtime-tester/expected-failures/<name>-<version>.txt} ({@code <name>-<version>-rootless.txt} for
 * a rootless run), where name is the executable's file name and version the first {@code x.y.z} of
 * its {@code --version} output (runc 1.1.5+ds1 gives {@code runc-1.1.5.txt}). The directory is
 * looked for above the working directory and above the location of this class (the launcher runs
 * from {@code cli/target}). The version call itself is bounded like every runtime call ({@code
 * ConformanceRunner.versionLine}).
 */
final class DefaultExpectedFailures {
  static final String DIR = "runtime-tester/expected-failures";
  private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)");

  /** gVisor's runsc is versioned by release date: {@code runsc version 0.0~20221219.0}. */
  private static final Pattern DATED = Pattern.compile("(\\d{8}(?:\\.\\d+)?)");

  private DefaultExpectedFailures() {}

  /** The file for {@code runtime}, whose {@code --version} printed {@code versionLine} first. */
  static Optional<Path> find(Path runtime, String versionLine) {
    return find(runtime, versionLine, false);
  }

  /**
   * The file for {@code runtime} as {@link #find(Path, String)} finds it, or for a rootless run its
   * {@code <name>-<version>-rootless.txt}: a rootless run fails differently.
   */
  static Optional<Path> find(Path runtime, String versionLine, boolean rootless) {
    Optional<String> version = version(versionLine);
    if (version.isEmpty()) {
      return Optional.empty();
    }
    String file =
        runtime.getFileName() + "-" + version.get() + (rootless ? "-rootless" : "") + ".txt";
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

  /**
   * The first x.y.z in the first line of {@code --version} output, else its first release date
   * ({@code 20221219.0} of runsc's {@code 0.0~20221219.0}).
   */
  static Optional<String> version(String versionLine) {
    Matcher m = VERSION.matcher(versionLine);
    if (m.find()) {
      return Optional.of(m.group(1));
    }
    Matcher dated = DATED.matcher(versionLine);
    return dated.find() ? Optional.of(dated.group(1)) : Optional.empty();
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
