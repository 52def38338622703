package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each fake runtime is a shell wrapper around runc that breaks exactly one behaviour; the suite
 * must report FAIL for the test that guards it. This is the oracle test for the tests.
 */
class FakeRuntimeTest {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} is caught by {1}")
  @CsvSource(
      delimiter = '^',
      value = {
        // state reports `running` for a created container
        "wrong-status^lifecycle.create-status-created^"
            + "state) \"$RUNC\" \"$@\" | sed 's/\"status\": \"created\"/\"status\": \"running\"/';"
            + " exit ${PIPESTATUS[0]} ;;",
        // the runtime drops one env entry on the floor (edits the bundle before runc reads it)
        "ignored-env^process.env^"
            + "create) sed -i 's/OCIKIT_ENV=hello world/OCIKIT_ENV=ignored/' \"$BUNDLE/config.json\";"
            + " exec \"$RUNC\" \"$@\" ;;",
        // createContainer hooks are silently skipped
        "skipped-hook^hooks.createContainer-runs-at-create^"
            + "create) sed -i 's/\"createContainer\"/\"skippedContainer\"/' \"$BUNDLE/config.json\";"
            + " exec \"$RUNC\" \"$@\" ;;",
        // delete of a running container is allowed (forced)
        "delete-running^delete.running-without-force-fails^"
            + "delete) [ \"$2\" = --force ] || set -- delete --force \"$2\"; exec \"$RUNC\" \"$@\" ;;",
      })
  void brokenBehaviourIsReported(String name, String testId, String caseArm) throws Exception {
    HostRuntimes.assumeRootAndRunc();
    Path fake = tmp.resolve(name);
    Files.writeString(fake, script(caseArm));
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    ConformanceReport report =
        ConformanceRunner.run(
            ConformanceOptions.of(fake)
                .withOnly("^" + testId.replace(".", "\\.") + "$")
                .withTestTimeout(Duration.ofSeconds(20)));
    TestResult r = report.result(testId, name);
    assertEquals(TestStatus.FAIL, r.status(), name + " should fail " + testId + ": " + r);
    assertEquals(java.util.List.of(), report.leaks());
  }

  /** A bash wrapper: finds the bundle for create, applies one case arm, else passes through. */
  private static String script(String caseArm) {
    return "#!/bin/bash\n"
        + "RUNC="
        + HostRuntimes.RUNC
        + "\n"
        + "BUNDLE=\n"
        + "prev=\n"
        + "for a in \"$@\"; do [ \"$prev\" = --bundle ] && BUNDLE=$a; prev=$a; done\n"
        + "case \"$1\" in\n"
        + "  "
        + caseArm
        + "\n"
        + "  *) exec \"$RUNC\" \"$@\" ;;\n"
        + "esac\n";
  }
}
