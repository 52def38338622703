package dev.ocikit.image.unpack;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds an image with real umoci (modes 4755/1777, symlink, hardlink, FIFO, device, nested dirs, a
 * deleting second layer and an opaque third layer), unpacks it with umoci and with {@link
 * LayerApplier}, and requires identical trees.
 */
class UmociFidelityTest {
  @TempDir Path dir;

  private static void sh(Path cwd, String script) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("sh", "-ec", script)
            .directory(cwd.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "script failed: " + script + "\n" + out);
  }

  @Test
  void sameTreeAsUmoci() throws Exception {
    assumeTrue(
        EntryFidelityTest.isRoot() && Commands.available("umoci"),
        "needs root and umoci: builds device nodes and runs umoci unpack/repack");
    sh(dir, "umoci init --layout img && umoci new --image img:t && umoci unpack --image img:t b1");
    sh(
        dir.resolve("b1/rootfs"),
        String.join(
            "\n",
            "mkdir -p usr/bin tmp etc/app/sub dev var/cache/sub data/a/b/c",
            "echo hi > usr/bin/su && chmod 4755 usr/bin/su && chmod 1777 tmp",
            "ln -s ../usr/bin/su bin-su && ln usr/bin/su usr/bin/su2",
            "mkfifo fifo && mknod dev/null c 1 3 && mknod dev/loop0 b 7 0 && chmod 0660 dev/loop0",
            "echo c > etc/app/conf && echo s > etc/app/sub/x && echo del > etc/deleteme",
            "chown 1000:1001 etc/app/conf && chmod 2750 etc/app/sub",
            "echo old > var/cache/old1 && echo old > var/cache/sub/old2",
            "for i in $(seq 1 400); do head -c 4096 /dev/urandom > data/a/f$i; done",
            "head -c 16777216 /dev/urandom > data/a/b/c/big",
            "touch -h -d '2001-02-03 04:05:06.123456789' bin-su data/a/f1"));
    sh(dir, "umoci repack --image img:t b1 && umoci unpack --image img:t b2");
    sh(
        dir.resolve("b2/rootfs"),
        "rm etc/deleteme && rm -rf etc/app && mkdir etc/app && echo n > etc/app/new");
    sh(dir, "umoci repack --image img:t b2");
    byte[] opaque =
        TarBuilder.tar()
            .dir("var/cache", 0750)
            .whiteout("var/cache/.wh..wh..opq")
            .file("var/cache/fresh", "fresh")
            .bytes();
    Files.write(dir.resolve("opq.tar"), opaque);
    sh(dir, "umoci raw add-layer --image img:t opq.tar");

    long t0 = System.nanoTime();
    sh(dir, "umoci unpack --image img:t theirs");
    long umociNanos = System.nanoTime() - t0;
    List<LayerSource> layers = OciLayoutLayers.of(dir.resolve("img"));
    t0 = System.nanoTime();
    UnpackResult r = LayerApplier.unpack(layers, dir.resolve("ours"), UnpackOptions.defaults());
    long ourNanos = System.nanoTime() - t0;
    System.out.printf(
        "unpack of %d-layer umoci image (~18 MB): umoci %d ms, LayerApplier %d ms%n",
        layers.size(), umociNanos / 1_000_000, ourNanos / 1_000_000);

    Map<String, String> theirs = describe(dir.resolve("theirs/rootfs"));
    Map<String, String> ours = describe(r.rootfs());
    assertTrue(theirs.containsKey("var/cache/fresh") && !theirs.containsKey("var/cache/old1"));
    assertTrue(theirs.get("dev/null").contains("rdev=259"), theirs.get("dev/null"));
    assertEquals(theirs, ours);
    assertEquals(List.of(), r.warnings());
  }

  /** Path to type, mode, owner, size, hash or target, device, link count and mtime. */
  static Map<String, String> describe(Path root) throws IOException {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Map<String, Object> a =
            Files.readAttributes(p, "unix:nlink,lastModifiedTime", NOFOLLOW_LINKS);
        long nlink =
            Files.isDirectory(p, NOFOLLOW_LINKS) ? 0 : ((Number) a.get("nlink")).longValue();
        out.put(
            root.relativize(p).toString(),
            TreeSnapshot.describe(p) + " nlink=" + nlink + " mtime=" + a.get("lastModifiedTime"));
      }
    }
    return out;
  }
}
