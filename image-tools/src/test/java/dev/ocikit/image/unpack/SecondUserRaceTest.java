package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A second local user races a root unpack into a destination made beforehand with mode 0755: a real
 * unprivileged process ({@code nobody}, through {@code setpriv}) keeps trying to enter the staging
 * tree, to open it up when the image makes it the owner, and to swap each directory inside for a
 * symlink to a sentinel directory. The sentinel must stay untouched and the racer must never get
 * in, whatever mode and owner the image gives its root.
 */
class SecondUserRaceTest {
  private static final int DIRS = 50;
  private static final int FILES_PER_DIR = 100;
  private static final int NOBODY = 65534;

  @TempDir Path base;

  @ParameterizedTest(name = "root ./ mode {0} owned by {1}")
  @CsvSource({"0777, 0", "0700, " + NOBODY, "0755, " + NOBODY})
  void racerNeverGetsIntoTheStagingTree(String mode, int owner) throws Exception {
    assumeTrue(isRoot(), "needs root: races root's unpack with a process running as nobody");
    assumeTrue(onPath("setpriv") && onPath("gcc"), "needs setpriv and gcc for the racing process");
    Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path racer = compileRacer();
    Path sentinel = Files.createDirectory(base.resolve("sentinel"));
    Files.writeString(sentinel.resolve("file.txt"), "precious");
    Path dest = Files.createDirectory(base.resolve("dest"));
    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path stop = base.resolve("stop");
    Map<String, String> before = TreeSnapshot.of(sentinel);
    LayerSource layer = manyEntries(Integer.parseInt(mode, 8), owner).layer();

    Process p =
        new ProcessBuilder(
                "setpriv",
                "--reuid=nobody",
                "--regid=nogroup",
                "--clear-groups",
                racer.toString(),
                dest.toString(),
                sentinel.toString(),
                stop.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("ready", out.readLine(), "the racer runs");
    String failure = null;
    try {
      LayerApplier.unpack(List.of(layer), dest, UnpackOptions.defaults());
    } catch (IOException | RuntimeException e) {
      failure = e.toString();
    } finally {
      Files.createFile(stop);
    }
    String result = out.readLine();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the racer stops");

    assertEquals(before, TreeSnapshot.of(sentinel), "sentinel changed; racer: " + result);
    assertTrue(
        result.matches("rounds=[1-9][0-9]* entered=0 opened=0 swapped=0"),
        "the racer got in: " + result);
    assertNull(failure, "the unpack failed");
    Path rootfs = dest.resolve("rootfs");
    assertEquals(040000 | Integer.parseInt(mode, 8), Files.getAttribute(rootfs, "unix:mode"));
    assertEquals(owner, Files.getAttribute(rootfs, "unix:uid"));
    try (var s = Files.list(rootfs)) {
      assertEquals(DIRS, s.count(), "every directory, nothing else");
    }
    try (var s = Files.list(rootfs.resolve("d042"))) {
      assertEquals(FILES_PER_DIR, s.count());
    }
  }

  /**
   * The root entry first, then every directory, then the files round-robin over the directories:
   * each directory is written into long after it was made, the widest window for a swap.
   */
  private static TarBuilder manyEntries(int rootMode, int owner) {
    TarBuilder t = tar().dir(".", rootMode, owner, owner);
    for (int d = 0; d < DIRS; d++) {
      t.dir(String.format("d%03d", d), 0755);
    }
    for (int f = 0; f < FILES_PER_DIR; f++) {
      for (int d = 0; d < DIRS; d++) {
        t.file(String.format("d%03d/f%03d", d, f), "");
      }
    }
    return t;
  }

  private Path compileRacer() throws IOException, InterruptedException {
    Path src = base.resolve("racer.c");
    try (InputStream in = SecondUserRaceTest.class.getResourceAsStream("racer.c")) {
      Files.write(src, in.readAllBytes());
    }
    Path bin = base.resolve("racer");
    Process gcc =
        new ProcessBuilder("gcc", "-O2", "-o", bin.toString(), src.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, gcc.waitFor(), log);
    return bin;
  }

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }
}
