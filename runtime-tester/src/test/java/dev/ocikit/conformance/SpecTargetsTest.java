package dev.ocikit.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which spec version a runtime is targeted at, and which tests that rules out; no root needed. */
class SpecTargetsTest {
  /** The first lines of the real runtimes' --version on the reference host. */
  private static final String RUNC =
      "runc version 1.1.5+ds1\ncommit: 1.1.5+ds1-1+deb12u1\nspec: 1.0.2-dev\ngo: go1.19.8\n";

  private static final String CRUN =
      "crun version 1.8.1\ncommit: f8a096be\nrundir: /run/crun\nspec: 1.0.0\n+SYSTEMD +SELINUX\n";
  private static final String RUNSC = "runsc version 0.0~20221219.0\nspec: 1.0.2-dev\n";

  @Test
  void featuresMaxIsReadFromTheFeaturesDocument() {
    assertEquals(
        Optional.of("1.0.2-dev"),
        SpecTargets.featuresMax("{\"ociVersionMin\":\"1.0.0\",\"ociVersionMax\":\"1.0.2-dev\"}"));
    assertEquals(Optional.empty(), SpecTargets.featuresMax("{\"ociVersionMin\":\"1.0.0\"}"));
    assertEquals(Optional.empty(), SpecTargets.featuresMax("Usage: runsc <flags>"));
    assertEquals(Optional.empty(), SpecTargets.featuresMax("{\"ociVersionMax\": 3}"));
  }

  @Test
  void specLineOfVersionOutput() {
    assertEquals(Optional.of("1.0.2-dev"), SpecTargets.versionSpecLine(RUNC));
    assertEquals(Optional.of("1.0.0"), SpecTargets.versionSpecLine(CRUN));
    assertEquals(Optional.of("1.0.2-dev"), SpecTargets.versionSpecLine(RUNSC));
    assertEquals(Optional.empty(), SpecTargets.versionSpecLine("myrt 2.0\n"));
  }

  @Test
  void featuresWinOverTheOptionWhichWinsOverVersionOutput() {
    SpecTargets.Target t =
        SpecTargets.choose(Optional.of("1.0.2-dev"), "1.1.0", Optional.of("1.0.0"));
    assertEquals("1.0.2", t.version());
    assertTrue(t.source().contains("features ociVersionMax 1.0.2-dev"), t.source());
    t = SpecTargets.choose(Optional.empty(), "1.1.0", Optional.of("1.0.0"));
    assertEquals("1.1.0", t.version());
    assertTrue(t.source().contains("--oci-version"), t.source());
    t = SpecTargets.choose(Optional.empty(), null, Optional.of("1.0.0"));
    assertEquals("1.0.0", t.version());
    assertTrue(t.source().contains("--version says spec 1.0.0"), t.source());
    t = SpecTargets.choose(Optional.empty(), null, Optional.empty());
    assertEquals("1.3.0", t.version());
    // A features document without a usable version falls through to the next source.
    t = SpecTargets.choose(Optional.of("latest"), "1.0.1", Optional.empty());
    assertEquals("1.0.1", t.version());
  }

  @Test
  void targetStaysWithinTheVersionsTheSuiteKnows() {
    SpecTargets.Target t = SpecTargets.choose(Optional.of("1.4.0"), null, Optional.empty());
    assertEquals("1.3.0", t.version());
    assertTrue(t.source().contains("capped"), t.source());
    t = SpecTargets.choose(Optional.empty(), null, Optional.of("0.9.0"));
    assertEquals("1.0.0", t.version());
    assertTrue(t.source().contains("raised"), t.source());
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecTargets.choose(Optional.empty(), "one", Optional.empty()));
  }

  @Test
  void onlyTestsOfNewerReleasesAreRuledOut() {
    assertNull(SpecTargets.newerThanTarget("1.0.0", "1.0.0"));
    assertNull(SpecTargets.newerThanTarget("1.0.2", "1.0.2"));
    assertNull(SpecTargets.newerThanTarget("1.0.2", "1.3.0"));
    String why = SpecTargets.newerThanTarget("1.1.0", "1.0.2");
    assertTrue(why.contains("1.1.0") && why.contains("1.0.2"), why);
    assertTrue(SpecTargets.newerThanTarget("1.0.2", "1.0.0") != null);
  }
}
