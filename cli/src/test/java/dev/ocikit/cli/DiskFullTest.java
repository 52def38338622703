package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk (a real 1 MiB tmpfs, filled up) while unpacking, writing a report or standard output,
 * and a destination that is a regular file: exit 2 with one line in words, not 1 as if the image
 * were at fault, and nothing half-written left behind.
 */
class DiskFullTest {
  private static final Path IMAGE = Checkout.testdata().resolve("images/sample");
  private static final Path BUNDLE = Checkout.testdata().resolve("bundles/sample");

  @TempDir Path tmp;
  private Path full;

  @BeforeEach
  void fullTmpfs() throws Exception {
    assumeTrue("root".equals(System.getProperty("user.name")), "needs root to mount a small tmpfs");
    full = Files.createDirectories(tmp.resolve("full"));
    sh("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", full.toString());
    byte[] block = new byte[4096];
    try (OutputStream o = Files.newOutputStream(full.resolve("filler"))) {
      while (true) {
        o.write(block);
        o.flush();
      }
    } catch (IOException noSpaceLeft) {
      // full now
    }
  }

  /** Unmounts; a busy tmpfs means a command left a file open on it, which fails the test. */
  @AfterEach
  void unmount() throws Exception {
    if (full != null && exitOf("umount", full.toString()) != 0) {
      exitOf("umount", "-l", full.toString()); // never leave the mount behind
      throw new AssertionError(full + " was still busy: a file was left open on it");
    }
  }

  private static void sh(String... cmd) throws Exception {
    assertEquals(0, exitOf(cmd), String.join(" ", cmd));
  }

  private static int exitOf(String... cmd) throws Exception {
    return new ProcessBuilder(cmd).inheritIO().start().waitFor();
  }

  private static void oneLineInWords(Result r) {
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(r.err().matches("(?s).*(Exception|Error|\\tat ).*"), r.err());
  }

  @Test
  void unpackingOntoAFullDiskIsExitTwoAndLeavesNoRootfs() throws IOException {
    for (String command : List.of("unpack", "bundle")) {
      Path dest = full.resolve(command);
      Result r = ToolProcess.inProcess(new OciTool(), command, IMAGE.toString(), dest.toString());
      assertEquals(2, r.exit(), r.err());
      oneLineInWords(r);
      assertTrue(r.err().startsWith("oci-tool " + command + ": "), r.err());
      assertFalse(Files.exists(dest.resolve("rootfs")), "no half-made rootfs");
      try (Stream<Path> left = Files.list(dest)) {
        assertEquals(List.of(), left.toList(), "no staging directory left");
      }
    }
  }

  @Test
  void aReportThatDoesNotFitIsExitTwoNamingItsFile() throws IOException {
    Path report = full.resolve("report.json");
    Result r =
        ToolProcess.inProcess(
            new OciValidate(), "--format", "json", "-o", report.toString(), BUNDLE.toString());
    assertEquals(2, r.exit(), r.err());
    oneLineInWords(r);
    assertTrue(r.err().startsWith("oci-validate: " + report + ": "), r.err());
    Path config = full.resolve("config.json");
    Result g = ToolProcess.inProcess(new OciTool(), "generate", "-o", config.toString());
    assertEquals(2, g.exit(), g.err());
    oneLineInWords(g);
    assertTrue(g.err().startsWith("oci-tool generate: " + config + ": "), g.err());
    try (Stream<Path> left = Files.list(full)) {
      assertEquals(List.of(full.resolve("filler")), left.toList(), "no report, no temporary file");
    }
  }

  @Test
  void standardOutputOnAFullDiskIsExitTwo() throws Exception {
    Path out = full.resolve("stdout.txt");
    Result v =
        new ToolProcess(tmp).stdout(out).run("OciValidate", "--level", "must", BUNDLE.toString());
    assertEquals(new Result(2, "", "oci-validate: cannot write to standard output\n"), v);
    Result p = new ToolProcess(tmp).stdout(out).run("OciValidate", BUNDLE.toString());
    assertEquals(new Result(2, "", "oci-validate: cannot write to standard output\n"), p);
    Result g = new ToolProcess(tmp).stdout(out).run("OciTool", "generate");
    assertEquals(new Result(2, "", "oci-tool: cannot write to standard output\n"), g);
  }

  @Test
  void aDestinationThatIsARegularFileIsAUsageError() throws IOException {
    Path file = Files.writeString(tmp.resolve("dest"), "not a directory");
    for (String command : List.of("unpack", "bundle")) {
      Result r = ToolProcess.inProcess(new OciTool(), command, IMAGE.toString(), file.toString());
      assertEquals(
          new Result(
              2, "", "oci-tool " + command + ": " + file + ": exists and is not a directory\n"),
          r);
    }
    assertEquals("not a directory", Files.readString(file));
  }
}
