package dev.ocikit.image.unpack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unpacks images with real umoci and with ours and requires the same tree: one built by umoci
 * itself (modes 4755/1777, symlink, hardlink, FIFO, device, nested dirs, a deleting second layer
 * and an opaque third layer), and a few hundred generated layer sequences.
 */
class UmociFidelityTest {
  /** Seeds of the normal run: about 25 s on a quiet 2-core machine. */
  private static final String SEEDS = "1-400";

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

    SortedMap<String, TreeSnapshot.Node> theirs = TreeSnapshot.full(dir.resolve("theirs/rootfs"));
    SortedMap<String, TreeSnapshot.Node> ours = TreeSnapshot.full(r.rootfs());
    assertTrue(theirs.containsKey("var/cache/fresh") && !theirs.containsKey("var/cache/old1"));
    assertEquals((1L << 8) | 3, theirs.get("dev/null").rdev());
    assertEquals(theirs, ours);
    assertEquals(List.of(), r.warnings());
  }

  /**
   * Generated layer sequences ({@link ChangesetGenerator}) unpack to the same tree as with umoci,
   * but for umoci's documented choices ({@link UmociComparison}). Seeds {@code
   * -Docikit.fidelity.seeds=FROM-TO} (default {@value #SEEDS}), one per core at a time; every
   * difference is printed (bench/fidelity.sh reads them) and the first fails the test.
   */
  @Test
  void generatedLayersUnpackAsWithUmoci() throws Exception {
    assumeTrue(
        EntryFidelityTest.isRoot() && Commands.available("umoci"),
        "needs root and umoci: owners, devices and trusted.* xattrs, compared with umoci unpack");
    String[] range = System.getProperty("ocikit.fidelity.seeds", SEEDS).split("-");
    long first = Long.parseLong(range[0]);
    long last = Long.parseLong(range[range.length - 1]);
    Map<String, Integer> tolerated = new ConcurrentSkipListMap<>();
    UmociDifferential run = new UmociDifferential(dir, tolerated);
    ExecutorService pool = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    List<String> differences = new ArrayList<>();
    try {
      List<Future<String>> results = new ArrayList<>();
      for (long seed = first; seed <= last; seed++) {
        long s = seed;
        results.add(pool.submit(() -> run.check(s)));
      }
      for (int i = 0; i < results.size(); i++) {
        String d = results.get(i).get();
        if (d != null) {
          System.out.println("DIFFERENCE " + d);
          differences.add(d);
        }
        if ((i + 1) % 500 == 0) {
          System.out.printf("fidelity: %d seeds done, %d differ%n", i + 1, differences.size());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    System.out.printf(
        "fidelity: seeds %d-%d: %d agree, %d differ; documented umoci choices met: %s%n",
        first, last, last - first + 1 - differences.size(), differences.size(), tolerated);
    assertEquals(List.of(), differences);
  }
}
