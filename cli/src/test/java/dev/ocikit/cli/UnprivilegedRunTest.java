package dev.ocikit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.cli.ToolProcess.Result;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tools run by a second, unprivileged user ({@code nobody}, through setpriv) on input it may
 * not read, and unpacking without {@code --rootless}: exit 2 and one line in words, never an
 * exception class name; the unpacker says to use {@code --rootless}.
 */
class UnprivilegedRunTest {
  @TempDir Path tmp;
  private ToolProcess nobody;
  private Path work;

  @BeforeEach
  void nobody() throws IOException {
    assumeTrue(ToolProcess.canRunAsNobody(), "needs root and setpriv to run as nobody");
    nobody = new ToolProcess(tmp).asNobody();
    work = Files.createDirectories(tmp.resolve("work"));
    ToolProcess.openToAll(tmp);
    // The second user's own directory: unpacking into one that others can write is refused.
    Files.setOwner(
        work, work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
    ToolProcess.openToAll(work);
  }

  /** A copy of a checkout fixture that everyone can read, made by root. */
  private Path copy(String fixture) throws IOException {
    Path src = Checkout.testdata().resolve(fixture);
    Path dst = tmp.resolve(src.getFileName());
    try (Stream<Path> walk = Files.walk(src)) {
      for (Path p : walk.sorted(Comparator.naturalOrder()).toList()) {
        Path q = dst.resolve(src.relativize(p).toString());
        Files.copy(p, q);
        ToolProcess.openToAll(q);
      }
    }
    return dst;
  }

  private static void noClassNames(Result r) {
    assertFalse(r.err().matches("(?s).*(Exception|Error|\\tat ).*"), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void anUnreadableConfigIsExitTwoInWords() throws Exception {
    Path bundle = copy("bundles/sample");
    Path config = bundle.resolve("config.json");
    Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("---------"));
    for (String[] args :
        new String[][] {{bundle.toString()}, {"--level", "must", bundle.toString()}}) {
      Result r = nobody.run("OciValidate", args);
      assertEquals(2, r.exit(), r.err());
      assertEquals("oci-validate: " + config + ": permission denied\n", r.err());
    }
  }

  @Test
  void anUnreadableBlobIsExitTwoForValidationAndUnpacking() throws Exception {
    Path image = copy("images/sample");
    Path blob;
    try (Stream<Path> blobs = Files.list(image.resolve("blobs/sha256"))) {
      blob = blobs.max(Comparator.comparingLong(p -> p.toFile().length())).orElseThrow();
    }
    Files.setPosixFilePermissions(blob, PosixFilePermissions.fromString("---------"));

    Result v = nobody.run("OciValidate", image.toString());
    assertEquals(2, v.exit(), v.out() + v.err());
    noClassNames(v);
    assertTrue(v.err().contains(blob + ": permission denied"), v.err());

    Result u = nobody.run("OciTool", "unpack", image.toString(), work.resolve("u").toString());
    assertEquals(2, u.exit(), u.err());
    noClassNames(u);
    assertTrue(u.err().contains("permission denied"), u.err());
    assertFalse(Files.exists(work.resolve("u/rootfs")));
  }

  @Test
  void unpackingAsAUserWithoutRootlessSaysToUseRootless() throws Exception {
    Path image = copy("images/sample");
    Result r = nobody.run("OciTool", "unpack", image.toString(), work.resolve("a").toString());
    assertEquals(2, r.exit(), r.err());
    noClassNames(r);
    assertTrue(r.err().contains("unpack rootless with --rootless"), r.err());
    assertFalse(Files.exists(work.resolve("a/rootfs")));

    Result b = nobody.run("OciTool", "bundle", image.toString(), work.resolve("b").toString());
    assertEquals(2, b.exit(), b.err());
    assertTrue(b.err().contains("--rootless"), b.err());

    Result ok =
        nobody.run(
            "OciTool",
            "unpack",
            "--rootless",
            "-q",
            image.toString(),
            work.resolve("c").toString());
    assertEquals(new Result(0, "", ""), ok);
    assertTrue(Files.isRegularFile(work.resolve("c/rootfs/bin/cat")));
  }
}
