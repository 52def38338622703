package dev.ocikit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The build records the project's version and the checkout's commit. */
class OcikitVersionTest {
  @Test
  void versionIsTheProjectVersionOfTheRootPom() throws IOException {
    String pom = Files.readString(Checkout.root().resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher m =
        Pattern.compile("<artifactId>ocikit-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(pom);
    assertEquals(true, m.find(), "the root pom names its version");
    assertEquals(m.group(1), OcikitVersion.build().version());
  }

  @Test
  void commitIsTheCheckoutsHead() throws Exception {
    Process git;
    try {
      git =
          new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD")
              .directory(Checkout.root().toFile())
              .redirectErrorStream(true)
              .start();
    } catch (IOException noGit) {
      assumeTrue(false, "git is not installed: the build says unknown, tested by nothing here");
      return;
    }
    String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assumeTrue(git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0, "not a git checkout");
    // A commit made after this build would differ; the tests run right after compiling.
    assertEquals(head, OcikitVersion.build().commit());
  }

  @Test
  void oneLineNamesBoth() {
    OcikitVersion v = OcikitVersion.build();
    assertEquals(
        "ocikit " + v.version() + " (commit " + v.commit() + ")", OcikitVersion.build().toString());
  }
}
