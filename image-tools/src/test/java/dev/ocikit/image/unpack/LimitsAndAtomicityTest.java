package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.TarLimits;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackLimitException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.spec.mediatype.Compression;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bomb limits, corrupt streams, draining and the all-or-nothing unpack. */
class LimitsAndAtomicityTest {
  @TempDir Path dir;

  private UnpackException fails(UnpackOptions o, byte[]... blobs) throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    List<LayerSource> layers =
        Arrays.stream(blobs).map(b -> TarBuilder.source("sha256:test", b)).toList();
    return assertThrows(UnpackException.class, () -> LayerApplier.apply(layers, root, o));
  }

  private static void assertMentions(Exception e, String... parts) {
    for (String p : parts) {
      assertTrue(e.getMessage().contains(p), () -> "missing '" + p + "' in: " + e.getMessage());
    }
  }

  @Test
  void entryCountLimit() throws IOException {
    UnpackException e =
        fails(
            UnpackOptions.defaults().withLimits(new TarLimits(1 << 30, 3, 4096, 1 << 20)),
            tar().file("a", "").file("b", "").file("c", "").file("d", "").bytes());
    assertTrue(e instanceof UnpackLimitException);
    assertMentions(e, "layer 0 (sha256:test)", "entry \"d\"", "maxEntries=3");
  }

  @Test
  void totalBytesLimitStopsGzipBomb() throws IOException {
    byte[] bomb = tar().file("zeros", "\0".repeat(1 << 20)).gzip();
    assertTrue(bomb.length < 5000, "compresses well");
    UnpackException e =
        fails(
            UnpackOptions.defaults().withLimits(new TarLimits(100_000, 100, 4096, 1 << 20)), bomb);
    assertTrue(e instanceof UnpackLimitException);
    assertMentions(e, "maxTotalBytes=100000", "zeros");
  }

  @Test
  void pathLengthLimitForPaxAndGnuNames() throws IOException {
    UnpackOptions o =
        UnpackOptions.defaults().withLimits(new TarLimits(1 << 30, 100, 100, 1 << 20));
    String longName = "d/" + "x".repeat(200);
    assertMentions(fails(o, tar().file(longName, "").bytes()), "maxPathLength=100", "xxxx\"");
    assertMentions(fails(o, tar().gnuLongNames().file(longName, "").bytes()), "maxPathLength=100");
    assertMentions(
        fails(o, tar().symlink("s", "y".repeat(300)).bytes()), "maxPathLength=100", "link target");
  }

  @Test
  void paxHeaderSizeLimit() throws IOException {
    TarArchiveEntry e = new TarArchiveEntry("f");
    e.addPaxHeader("SCHILY.xattr.user.big", "v".repeat(10_000));
    UnpackException x =
        fails(
            UnpackOptions.defaults().withLimits(new TarLimits(1 << 30, 100, 4096, 4096)),
            tar().file("first", "").add(e, new byte[0]).bytes());
    assertTrue(x instanceof UnpackLimitException);
    assertMentions(x, "maxPaxHeaderSize=4096", "after \"first\"");
  }

  @Test
  void truncatedStreamNamesLayerAndEntry() throws IOException {
    byte[] full = tar().file("a", "aaaa").file("big", "b".repeat(5000)).bytes();
    byte[] cut = Arrays.copyOf(full, 2048);
    UnpackException e = fails(UnpackOptions.defaults(), tar().file("ok", "").bytes(), cut);
    assertMentions(e, "layer 1 (sha256:test)", "big");
  }

  @Test
  void corruptGzipNamesLayer() throws IOException {
    byte[] gz = tar().file("a", "x".repeat(3000)).gzip();
    for (int i = 20; i < gz.length - 8; i++) {
      gz[i] ^= 0x5a;
    }
    assertMentions(fails(UnpackOptions.defaults(), gz), "layer 0 (sha256:test)");
  }

  @Test
  void streamIsDrainedToEof() throws IOException {
    byte[] tarBytes = tar().file("a", "x").bytes();
    byte[] padded = Arrays.copyOf(tarBytes, tarBytes.length + 10_000); // trailing zero records
    AtomicLong read = new AtomicLong();
    LayerSource s =
        new LayerSource(
            "l", Compression.NONE, () -> counting(new ByteArrayInputStream(padded), read));
    LayerApplier.apply(
        List.of(s), Files.createDirectory(dir.resolve("r")), UnpackOptions.defaults());
    assertEquals(padded.length, read.get());
  }

  private static InputStream counting(InputStream in, AtomicLong n) {
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int r = super.read(b, off, len);
        if (r > 0) {
          n.addAndGet(r);
        }
        return r;
      }
    };
  }

  @Test
  void unpackIsAllOrNothing() throws IOException {
    Path dest = dir.resolve("bundle");
    List<LayerSource> layers =
        List.of(
            tar().dir("etc", 0755).file("etc/a", "a").layer(), tar().file("../evil", "x").layer());
    UnpackException e =
        assertThrows(
            UnpackException.class,
            () -> LayerApplier.unpack(layers, dest, UnpackOptions.defaults()));
    assertMentions(e, "layer 1", "escapes the root");
    assertTrue(Files.isDirectory(dest));
    try (var s = Files.list(dest)) {
      assertEquals(List.of(), s.toList(), "partial tree removed");
    }
    assertFalse(Files.exists(dir.resolve("evil")));
  }

  @Test
  void unpackCreatesPrivateBundleAndRootfs() throws IOException {
    Path dest = dir.resolve("bundle");
    UnpackResult r =
        LayerApplier.unpack(
            List.of(tar().file("etc/a", "a").layer()), dest, UnpackOptions.defaults());
    assertEquals(dest.resolve("rootfs"), r.rootfs());
    assertEquals(040700, Files.getAttribute(dest, "unix:mode"));
    assertEquals("a", Files.readString(dest.resolve("rootfs/etc/a")));
    try (var s = Files.list(dest)) {
      assertEquals(List.of(dest.resolve("rootfs")), s.toList());
    }
    // An existing rootfs or a destination that is a file is the caller's mistake, not the image's.
    assertThrows(
        FileAlreadyExistsException.class,
        () -> LayerApplier.unpack(List.of(), dest, UnpackOptions.defaults()));
    Path file = Files.writeString(dir.resolve("file"), "x");
    assertThrows(
        FileSystemException.class,
        () -> LayerApplier.unpack(List.of(), file, UnpackOptions.defaults()));
  }
}
