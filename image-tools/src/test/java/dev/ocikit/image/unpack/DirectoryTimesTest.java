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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The times of directories a layer touched are set at the end of the layer, on the directories that
 * are still there; a failure there names the layer and the directory.
 */
class DirectoryTimesTest {
  @TempDir Path root;

  @Test
  void aDirectoryReplacedByASymlinkLoopAfterEntriesWereWrittenThroughItIsLeftAlone()
      throws IOException {
    Path real = root.toRealPath();
    LayerApplier.apply(
        List.of(
            tar().dir("d", 0755).dir("d/e", 0755).symlink("l", "d").layer(),
            // l/e/x is written into d/e; then d becomes a symlink to l, which points back to d.
            tar().file("l/e/x", "x").symlink("d", "/l").layer()),
        real,
        UnpackOptions.defaults());
    assertEquals("/l", Files.readSymbolicLink(real.resolve("d")).toString());
    assertEquals("d", Files.readSymbolicLink(real.resolve("l")).toString());
    assertFalse(Files.exists(real.resolve("e"), NOFOLLOW_LINKS));
  }

  @Test
  void aDirectoryMadeAgainAsAMissingParentDoesNotTakeTheTimesOfTheOneRemoved() throws IOException {
    Path real = root.toRealPath();
    Instant before = Instant.now();
    LayerApplier.apply(
        List.of(
            tar().dir("s", 0755).file("s/c", "x").layer(),
            // The whiteout in s remembers s's times; s is then removed and made again, implicitly.
            tar().whiteout("s/.wh.c").whiteout(".wh.s").file("s/new", "n").layer()),
        real,
        UnpackOptions.defaults());
    Instant made = NativeStat.mtime(real.resolve("s"));
    assertTrue(made.isAfter(before), "s has the time of its making, not " + made);
  }

  @Test
  void aFailureToSetADirectorysTimesNamesTheLayerAndTheDirectory() throws IOException {
    Path real = root.toRealPath();
    RootFs failing =
        new HostRootFs(real) {
          @Override
          public void setTimes(Path p, FileTime mtime, FileTime atime, Kind kind)
              throws IOException {
            if (kind == Kind.DIRECTORY && p.endsWith("sub")) {
              throw new IOException("disk on fire");
            }
            super.setTimes(p, mtime, atime, kind);
          }
        };
    UnpackException e =
        assertThrows(
            UnpackException.class,
            () ->
                LayerApplier.apply(
                    List.of(tar().dir("top/sub", 0755).file("top/sub/f", "x").layer()),
                    real,
                    UnpackOptions.defaults(),
                    failing));
    assertTrue(
        e.getMessage().startsWith("layer 0 (test) directory \"top/sub\": cannot set its times"),
        e.getMessage());
    assertTrue(e.getMessage().contains("disk on fire"), e.getMessage());
  }
}
