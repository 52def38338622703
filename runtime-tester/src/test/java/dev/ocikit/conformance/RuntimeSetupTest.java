package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.conformance.driver.CallLimits;
import dev.ocikit.conformance.host.HostAdaptation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Target choice and adaptation choice against a scripted fake runtime, without root: the fake
 * refuses to create unless an environment variable says it runs adapted, like crun on a hybrid
 * host, and records the config it was given.
 */
class RuntimeSetupTest {
  @TempDir Path tmp;

  private static final HostAdaptation ADAPT =
      new HostAdaptation("test adaptation", List.of("env", "FAKE_ADAPTED=1"));
  private static final HostAdaptation USELESS =
      new HostAdaptation("useless", List.of("env", "FAKE_OTHER=1"));

  private RuntimeCommand fake() throws Exception {
    assumeTrue(
        Files.isExecutable(Path.of("/bin/busybox")),
        "needs a static busybox for the probe's bundle");
    Path log = tmp.resolve("seen");
    Path script = tmp.resolve("fakert");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "[ \"$1\" = --global ] && { echo \"$1\" >> "
            + log
            + "/globals; shift; }\n"
            + "case \"$1\" in\n"
            + "  --version) printf 'fakert 2.0\\nspec: 1.0.1\\n' ;;\n"
            + "  features) echo 'unknown command' >&2; exit 1 ;;\n"
            + "  create)\n"
            + "    [ \"$FAKE_ADAPTED\" = 1 ] || { echo 'cgroups in hybrid mode not supported' >&2;"
            + " exit 1; }\n"
            + "    cp \"$3/config.json\" "
            + log
            + "/config.json ;;\n"
            + "  start|delete|kill) ;;\n"
            + "  state) echo '{\"ociVersion\":\"1.0.1\",\"id\":\"'$2'\",\"status\":\"stopped\","
            + "\"bundle\":\"/x\"}' ;;\n"
            + "  list) echo '[]' ;;\n"
            + "  *) exit 1 ;;\n"
            + "esac\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(log);
    return new RuntimeCommand("fakert", script, List.of("--global"));
  }

  private RuntimeSetup.Prepared prepare(
      RuntimeCommand rt, String explicit, List<HostAdaptation> candidates) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("run"));
    return RuntimeSetup.prepare(
        rt,
        new CallLimits(Duration.ofSeconds(10), 1 << 20),
        dir,
        ConformanceRunner.ID_PREFIX + "test-r0",
        explicit,
        candidates,
        null,
        null);
  }

  @Test
  void firstAdaptationThatLetsTheProbePassIsKeptAndNamed() throws Exception {
    RuntimeSetup.Prepared p = prepare(fake(), null, List.of(USELESS, ADAPT));
    assertTrue(p.smoke().isEmpty(), "" + p.smoke());
    assertEquals(List.of("test adaptation"), p.info().adaptations());
    assertEquals("fakert 2.0", p.info().version());
    // No features command: the spec line of --version is the target, and the bundle declares it.
    assertEquals("1.0.1", p.info().ociVersion());
    assertTrue(p.info().ociVersionSource().contains("--version"), p.info().ociVersionSource());
    String config = Files.readString(tmp.resolve("seen/config.json"));
    assertTrue(config.contains("\"ociVersion\": \"1.0.1\""), config);
    // The global option came first on every call.
    assertTrue(Files.readAllLines(tmp.resolve("seen/globals")).size() >= 3);
    assertEquals(List.of(tmp.resolve("fakert").toString(), "--global"), p.info().command());
  }

  @Test
  void explicitVersionAppliesWhenThereIsNoFeatures() throws Exception {
    RuntimeSetup.Prepared p = prepare(fake(), "1.0.0", List.of(ADAPT));
    assertEquals("1.0.0", p.info().ociVersion());
    assertTrue(p.info().ociVersionSource().startsWith("--oci-version"));
  }

  @Test
  void noHelpfulAdaptationKeepsTheProbesFailureAndAppliesNone() throws Exception {
    RuntimeSetup.Prepared p = prepare(fake(), null, List.of(USELESS));
    assertTrue(p.smoke().isPresent());
    assertTrue(p.smoke().get().reason().contains("hybrid mode"), p.smoke().get().reason());
    assertEquals(List.of(), p.info().adaptations());
  }
}
