package dev.ocikit.cli.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hostile runtime: a shell wrapper around the host's real runc that misbehaves in one command
 * (crashes, hangs, floods, lies, leaves processes behind) and passes everything else through. Such
 * a runtime is what the harness must withstand, so the wrapper is the thing under test, not a toy
 * standing in for a runtime.
 */
final class HostileRuntime {
  static final Path RUNC = Path.of("/usr/sbin/runc");
  static final List<String> REPORTS =
      List.of("conformance.tap", "junit.xml", "conformance.json", "index.html");
  private static final Pattern CONTAINER_ID = Pattern.compile("ocikit-ct-[0-9a-f]+-r\\d+-[\\w-]+");

  private HostileRuntime() {}

  /** Writes {@code dir/name}: {@code case "$1" in ARMS *) exec runc "$@" ;; esac}. */
  static Path write(Path dir, String name, String... caseArms) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(
        script,
        "#!/bin/sh\ncase \"$1\" in\n  "
            + String.join("\n  ", caseArms)
            + "\n  *) exec "
            + RUNC
            + " \"$@\" ;;\nesac\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script;
  }

  /**
   * The one stderr line reporting {@code checkId} for {@code runtime}; fails unless exactly one.
   */
  static String problemLine(String stderr, String checkId, String runtime) {
    List<String> lines =
        stderr
            .lines()
            .filter(l -> l.startsWith("conformance: " + checkId + " " + runtime))
            .toList();
    assertEquals(1, lines.size(), checkId + " lines in: " + stderr);
    return lines.get(0);
  }

  /** Asserts that each report file in {@code dir} contains every one of {@code needles}. */
  static void assertEveryReportSays(Path dir, String... needles) throws IOException {
    for (String f : REPORTS) {
      String text = Files.readString(dir.resolve(f));
      for (String needle : needles) {
        assertTrue(text.contains(needle), f + " lacks '" + needle + "':\n" + text);
      }
    }
  }

  /** Container ids named in {@code text}, for cleaning up after a runtime whose delete lies. */
  static List<String> containerIds(String text) {
    Matcher m = CONTAINER_ID.matcher(text);
    return m.results().map(MatchResult::group).distinct().toList();
  }

  /** Force-deletes {@code ids} with the real runc. */
  static void deleteWithRealRunc(List<String> ids) throws Exception {
    for (String id : ids) {
      new ProcessBuilder(RUNC.toString(), "delete", "--force", id)
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start()
          .waitFor();
    }
  }

  /** Live processes whose command line ends with {@code tail}. */
  static List<Long> alive(String tail) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().orElse("").endsWith(tail))
        .map(ProcessHandle::pid)
        .toList();
  }
}
