package dev.ocikit.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.StrictJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class GenerateCommandTest {
  @Test
  void defaultGoesToStdout() {
    GenerateRun r = GenerateRun.of();
    assertEquals(0, r.exit(), r.err());
    assertEquals("1.3.0", r.json().at("/ociVersion").asText());
    assertEquals("", r.err());
  }

  @Test
  void ociVersionIsDeclaredWithinTheKnownReleases() {
    GenerateRun r = GenerateRun.of("--oci-version", "1.0.2");
    assertEquals(0, r.exit(), r.err());
    assertEquals("1.0.2", r.json().at("/ociVersion").asText());
    for (String bad : new String[] {"0.9.0", "1.4.0", "one"}) {
      GenerateRun e = GenerateRun.of("--oci-version", bad);
      assertEquals(2, e.exit(), bad + ": " + e.err());
      // Like every generate usage error: the message, then picocli's --help hint.
      assertTrue(e.err().lines().findFirst().orElse("").contains("--oci-version"), e.err());
    }
  }

  @Test
  void outputIsWrittenAtomicallyAndStdoutStaysEmpty(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("config.json");
    GenerateRun r = GenerateRun.of("--output", out.toString(), "--hostname", "h");
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals("h", StrictJson.reader().read(out).root().at("/hostname").asText());
    try (var s = Files.list(dir)) {
      assertEquals(1, s.count(), "no temporary file left behind");
    }
  }

  @Test
  void templateKeepsUnknownFields(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("t.json");
    Files.writeString(
        t,
        "{\"ociVersion\":\"1.3.0\",\"x-vendor\":{\"k\":1},"
            + "\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"],\"x-p\":true}}",
        StandardCharsets.UTF_8);
    GenerateRun r = GenerateRun.of("--template", t.toString(), "--args", "true");
    assertEquals(0, r.exit(), r.err());
    assertEquals(1, r.json().at("/x-vendor/k").asInt());
    assertTrue(r.json().at("/process/x-p").asBoolean());
    assertEquals("true", r.json().at("/process/args/0").asText());
  }

  @Test
  void templateRoundTripsWithoutFlags(@TempDir Path dir) throws Exception {
    Path t = dir.resolve("t.json");
    GenerateRun.of("--output", t.toString(), "--privileged", "--linux-mem-limit=1g");
    JsonNode before = StrictJson.reader().read(t).root();
    GenerateRun r = GenerateRun.of("--template", t.toString());
    assertTrue(JsonEquivalence.equivalent(before, r.json()));
  }

  @Test
  void recursivePropagationIsWrittenWithANoteAndTheValidatorStillReportsIt() {
    GenerateRun r = GenerateRun.of("--linux-rootfs-propagation=rslave");
    assertEquals(0, r.exit(), r.err());
    assertEquals("rslave", r.at("/linux/rootfsPropagation"));
    assertEquals(
        "oci-tool generate: --linux-rootfs-propagation=rslave: written as asked; runc and crun accept this"
            + " recursive form, but the spec lists only shared, slave, private and unbindable, so"
            + " oci-validate reports linux.rootfs-propagation.value (MUST)",
        r.err().strip());
    assertTrue(r.mustErrors().startsWith("linux.rootfs-propagation.value "), r.mustErrors());
    assertEquals("", GenerateRun.of("--linux-rootfs-propagation=slave").err());
  }

  @Test
  void processCapAddReachesEveryCapabilitySet() {
    GenerateRun r = GenerateRun.of("--process-cap-drop-all", "--process-cap-add=chown");
    assertEquals(0, r.exit(), r.err());
    for (String set :
        new String[] {"bounding", "effective", "inheritable", "permitted", "ambient"}) {
      assertEquals("[\"CAP_CHOWN\"]", r.at("/process/capabilities/" + set), set);
    }
    assertEquals("", r.mustErrors());
    GenerateRun dropped = GenerateRun.of("--process-cap-add=chown", "--process-cap-drop=chown");
    assertEquals("", dropped.at("/process/capabilities/ambient/0"), "a drop wins over an add");
    assertEquals("CAP_KILL", dropped.at("/process/capabilities/bounding/1"));
  }

  @Test
  void missingTemplateIsExit2() {
    GenerateRun r = GenerateRun.of("--template", "/nonexistent/config.json");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("oci-tool generate: "), r.err());
  }

  @Test
  void migrateBumpsVersionAndReportsDeprecations(@TempDir Path dir) throws Exception {
    Path old = dir.resolve("old.json");
    Files.writeString(
        old,
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"cwd\":\"/\",\"args\":[\"sh\"]},"
            + "\"hooks\":{\"prestart\":[{\"path\":\"/bin/net\"}]},"
            + "\"linux\":{\"resources\":{\"memory\":{\"kernel\":1024}}}}",
        StandardCharsets.UTF_8);
    GenerateRun r = GenerateRun.of("--migrate", old.toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("1.3.0", r.json().at("/ociVersion").asText());
    assertEquals("/bin/net", r.json().at("/hooks/prestart/0/path").asText());
    assertEquals(1024, r.json().at("/linux/resources/memory/kernel").asInt());
    assertTrue(r.err().contains("from 1.0.0 to 1.3.0"), r.err());
    assertTrue(r.err().contains("/hooks/prestart is deprecated"), r.err());
    assertTrue(r.err().contains("/linux/resources/memory/kernel"), r.err());
  }

  @Test
  void templateAndMigrateConflict() {
    GenerateRun r = GenerateRun.of("--template", "a", "--migrate", "b");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--template and --migrate"), r.err());
  }

  @Test
  void helpIsGroupedByArea() {
    GenerateRun r = GenerateRun.of("--help");
    assertEquals(0, r.exit());
    for (String heading :
        new String[] {
          "Process:",
          "Capabilities:",
          "Security and scheduling:",
          "Hooks:",
          "Linux resources (cgroups):",
          "Linux seccomp:",
          "Exit codes:"
        }) {
      assertTrue(r.out().contains(heading), heading + " missing from\n" + r.out());
    }
  }

  @Test
  void laterFlagsWinAndDropBeatsAdd() {
    GenerateRun r =
        GenerateRun.of("--cap-add=SYS_ADMIN", "--cap-drop=SYS_ADMIN", "--env=A=1", "--env=A=2");
    assertEquals(0, r.exit(), r.err());
    assertTrue(!r.out().contains("CAP_SYS_ADMIN"));
    assertEquals("A=2", r.json().at("/process/env/2").asText());
  }

  @Test
  void docsHookAndWindowsExamplesWork() {
    GenerateRun r =
        GenerateRun.of(
            "--hooks-createruntime-add",
            "/usr/libexec/net-setup:--veth",
            "--hooks-createruntime-env",
            "NETNS_DIR=/run/netns",
            "--hooks-createruntime-timeout",
            "5");
    assertEquals(0, r.exit(), r.err());
    assertEquals("--veth", r.json().at("/hooks/createRuntime/0/args/1").asText());
    assertEquals("NETNS_DIR=/run/netns", r.json().at("/hooks/createRuntime/0/env/0").asText());
    assertEquals(5, r.json().at("/hooks/createRuntime/0/timeout").asInt());
    GenerateRun w =
        GenerateRun.of("--os", "windows", "--windows-layer-folders", "C:\\layers\\app,C:\\scratch");
    assertEquals(0, w.exit(), w.err());
    assertEquals("C:\\scratch", w.json().at("/windows/layerFolders/1").asText());
    assertEquals("", w.mustErrors());
  }
}
