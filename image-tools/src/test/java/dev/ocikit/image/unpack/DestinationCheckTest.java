package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnsafeDestinationException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A destination another user could change, or reach through a directory they could change, is
 * refused with the directory, its owner and its mode; a sticky shared directory such as {@code
 * /tmp} is fine as long as the entry in it is ours.
 */
class DestinationCheckTest {
  private static final int NOBODY = 65534;
  @TempDir Path dir;

  private static UnsafeDestinationException refused(Path dest) {
    return assertThrows(
        UnsafeDestinationException.class,
        () ->
            LayerApplier.unpack(
                List.of(tar().file("a", "a").layer()), dest, UnpackOptions.defaults()));
  }

  private static UnpackResult unpack(Path dest) throws IOException {
    return LayerApplier.unpack(
        List.of(tar().file("a", "a").layer()), dest, UnpackOptions.defaults());
  }

  private static void mode(Path p, int mode) throws IOException {
    Files.setAttribute(p, "unix:mode", mode);
  }

  private static int uid(Path p) throws IOException {
    return (Integer) Files.getAttribute(p, "unix:uid", NOFOLLOW_LINKS);
  }

  @Test
  void destinationWritableByOthers() throws IOException {
    Path dest = Files.createDirectory(dir.resolve("dest"));
    mode(dest, 0777);
    UnsafeDestinationException e = refused(dest);
    assertEquals(dest.toString(), e.getFile());
    assertEquals(
        dest
            + ": writable by other users (mode 0777, owner uid "
            + uid(dest)
            + "); they could redirect an unpack into "
            + dest,
        e.getMessage());
    assertFalse(Files.exists(dest.resolve("rootfs")));
    mode(dest, 01777);
    assertTrue(refused(dest).getMessage().contains("(mode 1777"), "sticky is not enough here");
  }

  @Test
  void parentWritableByGroup() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    mode(shared, 0775);
    Path dest = shared.resolve("dest");
    UnsafeDestinationException e = refused(dest);
    assertEquals(shared.toString(), e.getFile());
    assertTrue(e.getReason().startsWith("writable by other users (mode 0775"), e.getReason());
    assertFalse(Files.exists(dest), "nothing created below an unsafe directory");
  }

  @Test
  void ourDirectoryInAStickySharedOneIsFine() throws IOException {
    Path shared = Files.createDirectory(dir.resolve("shared"));
    mode(shared, 01777);
    Path dest = shared.resolve("a/b");
    unpack(dest);
    assertEquals("a", Files.readString(dest.resolve("rootfs/a")));
    assertEquals(040700, Files.getAttribute(shared.resolve("a"), "unix:mode"));
    assertEquals(040700, Files.getAttribute(dest, "unix:mode"));
  }

  @Test
  void throughOurSymlinkToASafeDirectory() throws IOException {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("real"));
    unpack(link.resolve("dest"));
    assertTrue(Files.isDirectory(real.resolve("dest/rootfs"), NOFOLLOW_LINKS));
  }

  @Test
  void destinationIsAFile() throws IOException {
    Path file = Files.writeString(dir.resolve("file"), "x");
    FileSystemException e =
        assertThrows(
            FileSystemException.class,
            () -> LayerApplier.unpack(List.of(), file, UnpackOptions.defaults()));
    assertEquals(file + ": exists and is not a directory", e.getMessage());
  }

  @Test
  void anotherUsersEntryInAStickyDirectory() throws IOException {
    assumeTrue(SecondUserRaceTest.isRoot(), "needs root to give a directory to another user");
    Path shared = Files.createDirectory(dir.resolve("shared"));
    mode(shared, 01777);
    Path theirs = Files.createDirectory(shared.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    UnsafeDestinationException e = refused(theirs.resolve("dest"));
    assertEquals(theirs.toString(), e.getFile());
    assertTrue(
        e.getReason()
            .startsWith("owned by uid 65534 in the shared directory " + shared + " (mode 1777)"),
        e.getReason());

    Path link = Files.createSymbolicLink(shared.resolve("link"), dir);
    Files.setAttribute(link, "unix:uid", NOBODY, NOFOLLOW_LINKS);
    assertEquals(link.toString(), refused(link.resolve("dest")).getFile());
  }

  @Test
  void directoryOfAnotherUserOnTheWay() throws IOException {
    assumeTrue(SecondUserRaceTest.isRoot(), "needs root to give a directory to another user");
    Path theirs = Files.createDirectory(dir.resolve("theirs"));
    Files.setAttribute(theirs, "unix:uid", NOBODY);
    Path dest = Files.createDirectory(theirs.resolve("dest"));
    UnsafeDestinationException e = refused(dest);
    assertEquals(theirs.toString(), e.getFile());
    assertTrue(e.getReason().startsWith("owned by uid 65534 (mode 0"), e.getReason());
  }
}
