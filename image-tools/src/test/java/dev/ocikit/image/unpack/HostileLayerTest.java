package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of hostile layers. Each case must either fail with a message naming the broken rule or
 * end in a documented safe state, and a sentinel directory next to the root must stay untouched.
 */
class HostileLayerTest {

  /** Check run on the root after a case that is expected to succeed. */
  interface RootCheck {
    void check(Path root, String sentinel) throws IOException;
  }

  record Case(
      String name, Function<String, List<TarBuilder>> layers, String error, RootCheck safe) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case fails(String name, String error, Function<String, List<TarBuilder>> layers) {
    return new Case(name, layers, error, null);
  }

  static Case safe(String name, RootCheck check, Function<String, List<TarBuilder>> layers) {
    return new Case(name, layers, null, check);
  }

  static Stream<Case> cases() {
    return Stream.of(
        fails("dotdot file", "escapes the root", s -> List.of(tar().file("../sentinel/evil", "x"))),
        fails("dotdot dir", "escapes the root", s -> List.of(tar().dir("a/../../x", 0755))),
        fails(
            "dotdot symlink parent",
            "escapes the root",
            s -> List.of(tar().file("./a/../../sentinel/file.txt", "x"))),
        safe(
            "absolute name lands inside root",
            (r, s) -> assertTrue(Files.exists(r.resolve(s.substring(1) + "/evil"))),
            s -> List.of(tar().file(s + "/evil", "x"))),
        safe(
            "write through absolute symlink",
            (r, s) -> assertTrue(Files.isRegularFile(r.resolve(s.substring(1) + "/evil"))),
            s -> List.of(tar().symlink("link", s).file("link/evil", "x"))),
        safe(
            "write through relative escaping symlink",
            (r, s) -> assertTrue(Files.isRegularFile(r.resolve("sentinel/evil"))),
            s ->
                List.of(
                    tar().symlink("link", "../../../../../../sentinel").file("link/evil", "x"))),
        safe(
            "symlink chain",
            (r, s) -> assertTrue(Files.isRegularFile(r.resolve(s.substring(1) + "/evil"))),
            s ->
                List.of(
                    tar().symlink("a", "b").symlink("b", "c").symlink("c", s).file("a/evil", "x"))),
        safe(
            "file replaces symlink to outside file",
            (r, s) -> assertFalse(Files.isSymbolicLink(r.resolve("f"))),
            s -> List.of(tar().symlink("f", s + "/file.txt"), tar().file("f", "overwritten"))),
        safe(
            "dir replaced by symlink then written through",
            (r, s) -> assertTrue(Files.isRegularFile(r.resolve(s.substring(1) + "/x"))),
            s -> List.of(tar().dir("d", 0755), tar().symlink("d", s).file("d/x", "x"))),
        fails(
            "symlink loop",
            "too many levels of symlinks",
            s -> List.of(tar().symlink("a", "b").symlink("b", "a").file("a/x", "x"))),
        fails(
            "self loop",
            "too many levels of symlinks",
            s -> List.of(tar().symlink("a", "a/b").file("a/x", "x"))),
        fails(
            "hardlink dotdot",
            "escapes the root",
            s -> List.of(tar().hardlink("h", "../sentinel/file.txt"))),
        fails(
            "hardlink absolute outside",
            "does not exist in the root",
            s -> List.of(tar().hardlink("h", s + "/file.txt"))),
        fails(
            "hardlink through symlinked parent",
            "does not exist in the root",
            s -> List.of(tar().symlink("l", s).hardlink("h", "l/file.txt"))),
        safe(
            "hardlink to a symlink links the symlink itself",
            (r, s) ->
                assertEquals(s + "/file.txt", Files.readSymbolicLink(r.resolve("h")).toString()),
            s -> List.of(tar().symlink("sl", s + "/file.txt").hardlink("h", "sl"))),
        fails(
            "hardlink to directory",
            "hardlink to a directory",
            s -> List.of(tar().dir("d", 0755).hardlink("h", "d"))),
        fails(
            "hardlink to root", "hardlink to a directory", s -> List.of(tar().hardlink("h", "./"))),
        safe(
            "whiteout through symlinked parent",
            (r, s) -> assertTrue(Files.isSymbolicLink(r.resolve("l"))),
            s -> List.of(tar().symlink("l", s), tar().whiteout("l/.wh.file.txt"))),
        safe(
            "opaque whiteout through symlinked parent",
            (r, s) -> assertTrue(Files.isSymbolicLink(r.resolve("l"))),
            s -> List.of(tar().symlink("l", s), tar().whiteout("l/.wh..wh..opq"))),
        safe(
            "whiteout of escaping symlink removes only the link",
            (r, s) -> assertFalse(Files.exists(r.resolve("l"), NOFOLLOW_LINKS)),
            s -> List.of(tar().symlink("l", s), tar().whiteout(".wh.l"))),
        fails("whiteout dotdot", "invalid whiteout name", s -> List.of(tar().whiteout("a/.wh.."))),
        fails(
            "terminal escapes in a name",
            "\\u001b]0;owned\\u0007",
            s -> List.of(tar().file("../\u001b]0;owned\u0007", "x"))),
        fails(
            "root becomes symlink (.)",
            "refusing to replace the root directory",
            s -> List.of(tar().symlink(".", s))),
        fails(
            "root becomes symlink (./)",
            "refusing to replace the root directory",
            s -> List.of(tar().symlink("./", s))),
        fails(
            "root becomes symlink (empty after clean)",
            "refusing to replace the root directory",
            s -> List.of(tar().symlink("a/..", s))),
        fails(
            "root becomes file",
            "refusing to replace the root directory",
            s -> List.of(tar().file(".", "x"))),
        fails(
            "root becomes fifo",
            "refusing to replace the root directory",
            s -> List.of(tar().node("./", TarConstants.LF_FIFO, 0, 0, 0644))),
        fails(
            "unknown type flag",
            "unsupported tar entry type 'Z'",
            s -> List.of(tar().node("z", (byte) 'Z', 0, 0, 0644))),
        fails(
            "GNU sparse entry",
            "a sparse file (GNU type 'S') is not supported",
            s -> List.of(tar().node("sparse", TarConstants.LF_GNUTYPE_SPARSE, 0, 0, 0644))),
        fails(
            "parent is a file",
            "is not a directory",
            s -> List.of(tar().file("f", "x").file("f/g", "y"))),
        fails(
            "mknod through symlinked parent stays inside, hardlink to missing",
            "does not exist",
            s ->
                List.of(
                    tar()
                        .symlink("l", s)
                        .node("l/null", TarConstants.LF_CHR, 1, 3, 0666)
                        .hardlink("x", "l/../file.txt"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void hostileLayerNeverTouchesOutside(Case c, @TempDir Path base) throws IOException {
    Path sentinel = base.resolve("sentinel");
    Files.createDirectories(sentinel.resolve("sub"));
    Files.writeString(sentinel.resolve("file.txt"), "precious");
    Files.writeString(sentinel.resolve("sub/inner.txt"), "also precious");
    Path root = Files.createDirectory(base.resolve("root"));
    Map<String, String> before = TreeSnapshot.of(sentinel);
    String s = sentinel.toRealPath().toString();
    List<LayerSource> layers = c.layers().apply(s).stream().map(TarBuilder::layer).toList();

    if (c.error() != null) {
      UnpackException e =
          assertThrows(
              UnpackException.class,
              () -> LayerApplier.apply(layers, root, UnpackOptions.defaults()));
      assertTrue(e.getMessage().contains(c.error()), () -> "message: " + e.getMessage());
      assertTrue(e.getMessage().startsWith("layer "), () -> "names the layer: " + e.getMessage());
      assertTrue(e.getMessage().contains("entry \""), () -> "names the entry: " + e.getMessage());
      assertFalse(
          e.getMessage().chars().anyMatch(ch -> ch < 0x20 || (ch >= 0x7f && ch < 0xa0)),
          () -> "control characters are escaped: " + e.getMessage());
    } else {
      LayerApplier.apply(layers, root, UnpackOptions.defaults());
      c.safe().check(root, s);
    }
    assertEquals(before, TreeSnapshot.of(sentinel), "sentinel outside the root changed");
    assertTrue(Files.isDirectory(root, NOFOLLOW_LINKS), "root must stay a real directory");
  }
}
