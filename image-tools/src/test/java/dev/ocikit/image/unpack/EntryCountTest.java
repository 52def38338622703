package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-layer counts of applied tar entries that {@code --format json} reports. */
class EntryCountTest {
  @TempDir Path tmp;

  private static List<LayerSource> layers() {
    return Stream.of(
            tar().dir("a", 0755).file("a/x", "x").file("a/y", "y"),
            tar().whiteout("a/.wh.x"),
            tar())
        .map(TarBuilder::layer)
        .toList();
  }

  @Test
  void applyCountsEveryEntryOfEachLayerWhiteoutsIncluded() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("root"));
    UnpackResult r = LayerApplier.apply(layers(), root, UnpackOptions.defaults());
    assertEquals(List.of(3L, 1L, 0L), r.layerEntries());
  }

  @Test
  void stagedUnpackCountsTheSame() throws IOException {
    UnpackResult r = LayerApplier.unpack(layers(), tmp.resolve("dest"), UnpackOptions.defaults());
    assertEquals(List.of(3L, 1L, 0L), r.layerEntries());
    assertEquals(tmp.resolve("dest/rootfs"), r.rootfs());
  }
}
