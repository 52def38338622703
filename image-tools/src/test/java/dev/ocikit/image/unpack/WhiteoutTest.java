package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whiteout and opaque-whiteout semantics of image-spec layer.md. */
class WhiteoutTest {
  @TempDir Path root;

  private UnpackResult apply(TarBuilder... layers) throws IOException {
    return LayerApplier.apply(
        Stream.of(layers).map(TarBuilder::layer).toList(), root, UnpackOptions.defaults());
  }

  private Set<String> tree() throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(p -> !p.equals(root))
          .map(p -> root.relativize(p).toString())
          .collect(Collectors.toSet());
    }
  }

  @Test
  void whiteoutRemovesLowerFileAndIsHidden() throws IOException {
    UnpackResult r =
        apply(
            tar().dir("a", 0755).file("a/keep", "k").file("a/gone", "g"),
            tar().whiteout("a/.wh.gone"));
    assertEquals(Set.of("a", "a/keep"), tree());
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void whiteoutRemovesLowerDirectoryRecursively() throws IOException {
    apply(tar().dir("d", 0755).dir("d/e", 0755).file("d/e/f", "x"), tar().whiteout(".wh.d"));
    assertEquals(Set.of(), tree());
  }

  @Test
  void opaqueWhiteoutClearsLowerChildrenFirst() throws IOException {
    apply(
        tar().dir("a", 0755).file("a/x", "x").dir("a/sub", 0755).file("a/sub/y", "y"),
        tar().dir("a", 0700).whiteout("a/.wh..wh..opq").file("a/new", "n"));
    assertEquals(Set.of("a", "a/new"), tree());
    assertEquals(040700, Files.getAttribute(root.resolve("a"), "unix:mode"));
  }

  @Test
  void opaqueWhiteoutAfterSameLayerEntriesSparesThem() throws IOException {
    // The second layer is the layer.md example with the opaque marker listed last.
    apply(
        tar().dir("a", 0755).dir("a/b", 0755).dir("a/b/c", 0755).file("a/b/c/bar", "bar"),
        tar()
            .dir("a", 0755)
            .dir("a/b", 0755)
            .dir("a/b/c", 0755)
            .file("a/b/c/foo", "foo")
            .whiteout("a/.wh..wh..opq"));
    assertEquals(Set.of("a", "a/b", "a/b/c", "a/b/c/foo"), tree());
  }

  @Test
  void opaqueWhiteoutSparesImplicitParentsOfSameLayerEntries() throws IOException {
    apply(
        tar().dir("a", 0755).dir("a/b", 0755).file("a/b/old", "o").file("a/top", "t"),
        tar().file("a/b/new", "n").whiteout("a/.wh..wh..opq"));
    assertEquals(Set.of("a", "a/b", "a/b/new"), tree());
  }

  @Test
  void whiteoutDoesNotRemoveSameLayerEntry() throws IOException {
    apply(tar().file("x", "lower"), tar().file("x", "upper").whiteout(".wh.x"));
    assertEquals("upper", Files.readString(root.resolve("x")));
  }

  @Test
  void whiteoutOfMissingPathIsAWarning() throws IOException {
    UnpackResult r =
        apply(tar().dir("a", 0755), tar().whiteout("a/.wh.nothing").whiteout("b/.wh.c"));
    assertEquals(2, r.warnings().size(), r.warnings()::toString);
    assertTrue(r.warnings().get(0).contains("layer 1"), r.warnings()::toString);
    assertTrue(
        r.warnings().get(0).contains("\"a/nothing\" does not exist"), r.warnings()::toString);
    assertTrue(r.warnings().get(1).contains("\"b/.wh.c\""), r.warnings()::toString);
  }

  @Test
  void whiteoutBeforeRecreationInSameLayer() throws IOException {
    apply(
        tar().dir("d", 0755).file("d/old", "o"),
        tar().whiteout(".wh.d").dir("d", 0755).file("d/new", "n"));
    assertEquals(Set.of("d", "d/new"), tree());
  }

  @Test
  void whiteoutKeepsParentDirectoryTime() throws IOException {
    apply(tar().file("a/x", "x").file("a/y", "y").dir("a", 0755), tar().whiteout("a/.wh.x"));
    assertEquals(TarBuilder.MTIME, Files.getLastModifiedTime(root.resolve("a")));
    assertFalse(Files.exists(root.resolve("a/x")));
  }
}
