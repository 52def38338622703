package dev.ocikit.image.unpack;

import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.Unpacker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One differential run: the layers {@link ChangesetGenerator} makes for a seed, written as an image
 * layout, unpacked by {@code umoci unpack} and by {@link Unpacker}, and the two trees compared by
 * {@link UmociComparison}.
 */
final class UmociDifferential {
  private final Path work;
  private final Map<String, Integer> tolerated;

  /** Runs in {@code work} (emptied after each seed), counting documented umoci choices met. */
  UmociDifferential(Path work, Map<String, Integer> tolerated) {
    this.work = work;
    this.tolerated = tolerated;
  }

  /** Null when both trees agree, else the seed and the first difference with both values. */
  String check(long seed) throws IOException, InterruptedException {
    ChangesetGenerator gen = new ChangesetGenerator(seed);
    List<byte[]> tars = new ArrayList<>();
    for (List<ChangesetGenerator.Entry> layer : gen.layers()) {
      TarBuilder t = TarBuilder.tar();
      layer.forEach(e -> t.add(e.header(), e.data()));
      tars.add(t.bytes());
    }
    Path dir = Files.createTempDirectory(work, "seed" + seed + "-");
    try {
      OciLayoutWriter.write(dir.resolve("img"), "t", tars);
      Instant from = Instant.now().minusSeconds(1);
      String theirsFailed = umoci(dir);
      String oursFailed = null;
      try {
        Unpacker.unpack(dir.resolve("img"), "t", dir.resolve("ours"), UnpackOptions.defaults());
      } catch (IOException | RuntimeException e) {
        oursFailed = e.toString();
      }
      Instant to = Instant.now().plusSeconds(1);
      if (theirsFailed != null || oursFailed != null) {
        return "seed "
            + seed
            + ": umoci "
            + (theirsFailed == null ? "succeeded" : "failed: " + theirsFailed)
            + "; ours "
            + (oursFailed == null ? "succeeded" : "failed: " + oursFailed);
      }
      String d =
          new UmociComparison(gen.tree(), from, to, tolerated)
              .firstDifference(
                  TreeSnapshot.full(dir.resolve("theirs/rootfs")),
                  TreeSnapshot.full(dir.resolve("ours/rootfs")));
      return d == null ? null : "seed " + seed + ": " + d;
    } finally {
      new HostRootFs(work).removeTree(dir);
    }
  }

  /** Null on success, else umoci's output. */
  private static String umoci(Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("umoci", "unpack", "--image", "img:t", "theirs")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor() == 0 ? null : out;
  }
}
