package dev.ocikit.cli.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.cli.Cli;
import dev.ocikit.cli.OciTool;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code oci-tool unpack} and {@code oci-tool bundle} through {@code CommandLine.execute()}. */
class ImageCommandsTest {
  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path image;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Cli.commandLine(new OciTool()); // the launcher's setup: one line, exit code
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static void sh(Path cwd, String script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("sh", "-ec", script)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> script + "\n" + out);
  }

  static boolean tools() {
    if (!"root".equals(System.getProperty("user.name"))) {
      return false;
    }
    return onPath("umoci") && onPath("tar") && Files.isExecutable(Path.of("/bin/busybox"));
  }

  static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(":"))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  /**
   * Builds with umoci, in {@code dir}, the layout {@code img} both image tests use: busybox as
   * /bin/sh, a user {@code app} (uid 1000) it runs as, tagged {@code v1} and {@code v2}.
   */
  static Path busyboxLayout(Path dir) throws Exception {
    sh(dir, "umoci init --layout img && umoci new --image img:v1 && umoci unpack --image img:v1 w");
    sh(
        dir.resolve("w/rootfs"),
        "mkdir -p bin etc && cp /bin/busybox bin/ && ln -s busybox bin/sh"
            + " && echo 'app:x:1000:1000::/:/bin/sh' > etc/passwd");
    sh(dir, "umoci repack --image img:v1 w && rm -rf w");
    sh(dir, "umoci config --image img:v1 --config.cmd /bin/sh --config.user app");
    sh(dir, "umoci tag --image img:v1 v2");
    return dir.resolve("img");
  }

  @BeforeAll
  static void buildImage() throws Exception {
    if (!tools()) {
      return;
    }
    image = busyboxLayout(shared);
    sh(shared, "tar -C img -cf img.tar .");
  }

  private static void assumeImage() {
    assumeTrue(image != null, "needs root, umoci, tar and busybox: builds an image with umoci");
  }

  @Test
  void unpackIsSilentOffATerminalAndQuietSaysNothing() {
    assumeImage();
    Run r = run("unpack", image + ":v1", tmp.resolve("a").toString());
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("unpacked sha256:"), r.out());
    assertTrue(Files.isExecutable(tmp.resolve("a/rootfs/bin/busybox")));
    Run q = run("unpack", "--quiet", image + ".tar:v2", tmp.resolve("b").toString());
    assertEquals(new Run(0, "", ""), q);
  }

  @Test
  void bundleByNameAndByDigest() throws Exception {
    assumeImage();
    Run r = run("bundle", image + ":v1", tmp.resolve("b").toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains(": /bin/sh"), r.out());
    String config = Files.readString(tmp.resolve("b/config.json"));
    assertTrue(config.contains("\"uid\": 1000"), config);
    String digest = r.out().split(" ")[3].replaceAll(":$", "");
    assertTrue(digest.startsWith("sha256:"), r.out());
    Run d = run("bundle", "-q", image + "@" + digest, tmp.resolve("c").toString());
    assertEquals(new Run(0, "", ""), d);
    // For a runtime that refuses newer configs (crun 1.8.1 takes 1.0.x only).
    Run old =
        run("bundle", "-q", "--oci-version", "1.0.2", image + ":v1", tmp.resolve("e").toString());
    assertEquals(0, old.exit(), old.err());
    assertTrue(
        Files.readString(tmp.resolve("e/config.json")).contains("\"ociVersion\": \"1.0.2\""),
        Files.readString(tmp.resolve("e/config.json")));
  }

  @Test
  void unknownRefListsTheNamesAndExits2() {
    assumeImage();
    Run r = run("unpack", image + ":nope", tmp.resolve("x").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("no image with reference 'nope'; available: v1, v2"), r.err());
    assertFalse(Files.exists(tmp.resolve("x")));
  }

  @Test
  void tamperedLayerExits1AndLeavesNoRootfs() throws Exception {
    assumeImage();
    sh(tmp, "cp -r " + image + " img");
    Path layer;
    try (Stream<Path> s = Files.list(tmp.resolve("img/blobs/sha256"))) {
      layer = s.max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length())).get();
    }
    byte[] b = Files.readAllBytes(layer);
    b[b.length / 2] ^= 1;
    Files.write(layer, b);
    Run r = run("unpack", tmp.resolve("img") + ":v1", tmp.resolve("out").toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains("digest") || r.err().contains("hash"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    assertFalse(Files.exists(tmp.resolve("out/rootfs")));
  }

  @Test
  void usageAndInputErrorsExit2WithOneLine() throws Exception {
    Run parse = run("unpack");
    assertEquals(2, parse.exit());
    assertTrue(parse.err().startsWith("oci-tool unpack: Missing required parameters"), parse.err());
    for (List<String> args :
        List.of(
            List.of("unpack", tmp.resolve("missing").toString(), tmp.resolve("d").toString()),
            List.of("unpack", "--uid-map", "1:2", "x", tmp.resolve("d").toString()),
            List.of("unpack", "--uid-map", "0:\uff11\uff10:1", "x", tmp.resolve("d").toString()),
            List.of("bundle", "--platform", "linux", "x", tmp.resolve("d").toString()),
            List.of("bundle", "--oci-version", "0.9.0", "x", tmp.resolve("d").toString()),
            List.of("bundle", "--oci-version", "1.4.0", "x", tmp.resolve("d").toString()))) {
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
    }
    assertTrue(
        run("unpack", tmp.resolve("missing").toString(), "d").err().contains("no such file"));
    Files.createDirectories(tmp.resolve("d/rootfs"));
    assumeImage();
    Run r = run("unpack", image.toString() + ":v1", tmp.resolve("d").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("already exists"), r.err());
  }

  @Test
  void helpListsExitCodes() {
    Run r = run("bundle", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("Exit codes:") && r.out().contains("--platform"), r.out());
  }

  @Test
  void imagesTheSpecSaysToRefuseExit1WithOneLine() throws Exception {
    // config.md: an unknown rootfs.type fails unpacking (so both commands); a relative WorkingDir
    // cannot be copied verbatim into process.cwd, which must be absolute (bundle only).
    Path zfs = LargeImage.write(tmp.resolve("zfs"), 1, 1, "{\"Cmd\":[\"/bin/sh\"]}", "zfs");
    for (String command : List.of("unpack", "bundle")) {
      Run r = run(command, "-q", zfs + ":v1", tmp.resolve("out").toString());
      assertEquals(1, r.exit(), r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(
          r.err().startsWith("oci-tool " + command + ": manifest sha256:")
              && r.err().contains(" config rootfs.type is \"zfs\": image-spec config.md allows"),
          r.err());
      assertFalse(Files.exists(tmp.resolve("out")));
    }
    String relative = "{\"Cmd\":[\"/bin/sh\"],\"WorkingDir\":\"srv\"}";
    Path cwd = LargeImage.write(tmp.resolve("cwd"), 1, 1, relative, "layers");
    Run r = run("bundle", "-q", cwd + ":v1", tmp.resolve("b").toString());
    assertEquals(1, r.exit(), r.err());
    assertEquals(
        "oci-tool bundle: Config.WorkingDir \"srv\" is relative: image-spec conversion.md copies it"
            + " verbatim to process.cwd, which runtime-spec config.md requires to be an absolute"
            + " path\n",
        r.err());
    assertFalse(Files.exists(tmp.resolve("b/config.json")));
  }

  @Test
  void unsafeDestinationExits2WithOneLine() throws Exception {
    Path img = LargeImage.write(tmp.resolve("img"), 1, 1);
    Path shared = Files.createDirectory(tmp.resolve("shared"));
    Files.setAttribute(shared, "unix:mode", 0777);
    for (String command : List.of("unpack", "bundle")) {
      Run r = run(command, img + ":v1", shared.resolve("dest").toString());
      assertEquals(2, r.exit(), r.err());
      int uid = (Integer) Files.getAttribute(shared, "unix:uid");
      assertEquals(
          "oci-tool "
              + command
              + ": "
              + shared
              + ": writable by other users (mode 0777, owner uid "
              + uid
              + "); they could redirect an unpack into "
              + shared.resolve("dest")
              + "\n",
          r.err());
      assertFalse(Files.exists(shared.resolve("dest")));
    }
  }
}
