package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.IdMapping;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.tar.RawTar;
import dev.ocikit.spec.mediatype.MediaType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Entry types and metadata end up on disk as the layer describes them. */
class EntryFidelityTest {
  @TempDir Path root;

  static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private UnpackResult apply(UnpackOptions o, byte[]... blobs) throws IOException {
    List<LayerSource> layers =
        java.util.Arrays.stream(blobs).map(b -> TarBuilder.source("t", b)).toList();
    return LayerApplier.apply(layers, root, o);
  }

  private Object attr(String rel, String name) throws IOException {
    return Files.getAttribute(root.resolve(rel), "unix:" + name, NOFOLLOW_LINKS);
  }

  @Test
  void specialModeBitsOwnersAndTimes() throws IOException {
    assumeTrue(isRoot(), "needs root: chown to arbitrary ids");
    TarArchiveEntry suid = new TarArchiveEntry("bin/su");
    suid.setMode(04755);
    suid.setIds(1234, 5678);
    byte[] blob =
        tar()
            .dir("bin", 0755)
            .add(suid, "elf".getBytes(StandardCharsets.UTF_8))
            .dir("tmp", 01777)
            .file("g", "x", 02750)
            .symlink("bin/sh", "su")
            .bytes();
    apply(UnpackOptions.defaults(), blob);
    assertEquals(0104755, attr("bin/su", "mode"));
    assertEquals(1234, attr("bin/su", "uid"));
    assertEquals(5678, attr("bin/su", "gid"));
    assertEquals(041777, attr("tmp", "mode"));
    assertEquals(0102750, attr("g", "mode"));
    assertEquals("su", Files.readSymbolicLink(root.resolve("bin/sh")).toString());
    assertEquals(TarBuilder.MTIME, Files.getLastModifiedTime(root.resolve("bin"), NOFOLLOW_LINKS));
    assertEquals(
        TarBuilder.MTIME, Files.getLastModifiedTime(root.resolve("bin/sh"), NOFOLLOW_LINKS));
  }

  @Test
  void idMapsShiftOwners() throws IOException {
    assumeTrue(isRoot(), "needs root: chown to mapped ids");
    TarArchiveEntry e = new TarArchiveEntry("f");
    e.setIds(5, 7);
    List<IdMapping> map = List.of(new IdMapping(0, 100000, 65536));
    apply(UnpackOptions.defaults().withIdMaps(map, map), tar().add(e, new byte[0]).bytes());
    assertEquals(100005, attr("f", "uid"));
    assertEquals(100007, attr("f", "gid"));
  }

  @Test
  void unmappedOwnerIsAnError() {
    TarArchiveEntry e = new TarArchiveEntry("f");
    e.setIds(70000, 0);
    List<IdMapping> map = List.of(new IdMapping(0, 100000, 65536));
    UnpackException x =
        org.junit.jupiter.api.Assertions.assertThrows(
            UnpackException.class,
            () ->
                apply(
                    UnpackOptions.defaults().withIdMaps(map, map),
                    tar().add(e, new byte[0]).bytes()));
    assertTrue(x.getMessage().contains("uid 70000 is not covered"), x.getMessage());
  }

  @Test
  void devicesFifosAndHardlinks() throws IOException {
    assumeTrue(isRoot(), "needs root: mknod of device nodes");
    byte[] blob =
        tar()
            .node("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
            .node("dev/loop", TarConstants.LF_BLK, 7, 0, 0660)
            .node("fifo", TarConstants.LF_FIFO, 0, 0, 0640)
            .file("a", "data")
            .hardlink("b", "a")
            .bytes();
    apply(UnpackOptions.defaults(), blob);
    assertEquals(020666, attr("dev/null", "mode"));
    assertEquals((1L << 8) | 3, ((Number) attr("dev/null", "rdev")).longValue());
    assertEquals(060660, attr("dev/loop", "mode"));
    assertEquals(010640, attr("fifo", "mode"));
    assertEquals(TarBuilder.MTIME, Files.getLastModifiedTime(root.resolve("fifo"), NOFOLLOW_LINKS));
    assertEquals(attr("a", "ino"), attr("b", "ino"));
    assertEquals(2, attr("a", "nlink"));
  }

  @Test
  void rootlessMakesPlaceholdersAndKeepsOwnerAccess() throws IOException {
    TarArchiveEntry owned = new TarArchiveEntry("owned");
    owned.setIds(1234, 1234);
    owned.setMode(0400);
    byte[] blob =
        tar()
            .node("dev/null", TarConstants.LF_CHR, 1, 3, 0666)
            .node("fifo", TarConstants.LF_FIFO, 0, 0, 0600)
            .dir("locked", 0500)
            .file("locked/f", "x", 0)
            .add(owned, new byte[0])
            .bytes();
    UnpackResult r = apply(UnpackOptions.defaults().withRootless(true), blob);
    assertTrue(Files.isRegularFile(root.resolve("dev/null"), NOFOLLOW_LINKS));
    assertEquals(0, Files.size(root.resolve("dev/null")));
    assertEquals(0100666, attr("dev/null", "mode"));
    assertEquals(010600, attr("fifo", "mode"));
    assertEquals(040700, attr("locked", "mode"));
    assertEquals(0100600, attr("locked/f", "mode"));
    int me = (Integer) Files.getAttribute(root, "unix:uid");
    assertEquals(me, attr("owned", "uid"));
    assertTrue(
        r.warnings().stream().anyMatch(w -> w.contains("dev/null") && w.contains("1:3")),
        r.warnings()::toString);
  }

  @Test
  void binaryXattrValuesKeepTheirExactBytes() throws IOException {
    byte[] value = {1, 0, (byte) 0xff, (byte) 0xc3, 2};
    ByteArrayOutputStream kv = new ByteArrayOutputStream();
    kv.writeBytes("SCHILY.xattr.user.bin=".getBytes(StandardCharsets.US_ASCII));
    kv.writeBytes(value);
    byte[] blob =
        RawTar.tar().paxBody('x', RawTar.record(kv.toByteArray())).file("f", "").end().bytes();
    UnpackResult r = apply(UnpackOptions.defaults(), blob);
    UserDefinedFileAttributeView v =
        Files.getFileAttributeView(root.resolve("f"), UserDefinedFileAttributeView.class);
    assumeTrue(
        r.warnings().isEmpty() || !r.warnings().toString().contains("not supported"),
        "filesystem without user xattrs");
    assertTrue(v.list().contains("bin"), r.warnings()::toString);
    ByteBuffer b = ByteBuffer.allocate(v.size("bin"));
    v.read("bin", b);
    assertArrayEquals(value, b.array());
  }

  @Test
  void gzipAndZstdAreDetected() throws IOException {
    apply(UnpackOptions.defaults(), tar().file("g", "gz").gzip(), tar().file("z", "zs").zstd());
    assertEquals("gz", Files.readString(root.resolve("g")));
    assertEquals("zs", Files.readString(root.resolve("z")));
  }

  @Test
  void declaredCompressionIsUsed() throws IOException {
    byte[] gz = tar().file("g", "gz").gzip();
    LayerApplier.apply(
        List.of(
            new LayerSource(
                "l",
                MediaType.LAYER_TAR_GZIP.compression(),
                () -> new java.io.ByteArrayInputStream(gz))),
        root,
        UnpackOptions.defaults());
    assertEquals("gz", Files.readString(root.resolve("g")));
  }

  @Test
  void replacingAFileNeverModifiesTheOldInode() throws IOException {
    apply(UnpackOptions.defaults(), tar().file("a", "old").hardlink("b", "a").bytes());
    apply(UnpackOptions.defaults(), tar().file("a", "new").bytes());
    assertEquals(
        "old", Files.readString(root.resolve("b")), "the other link keeps the old content");
    assertEquals("new", Files.readString(root.resolve("a")));
    assertFalse(attr("a", "ino").equals(attr("b", "ino")));
  }

  @Test
  void timesAreExactInAnyYearForEveryKindOfFile() throws IOException {
    Instant far = Instant.parse("2300-01-02T03:04:05.1234567Z"); // past int64 nanoseconds
    Instant fine = Instant.parse("2001-02-03T04:05:06.1234567Z"); // below a microsecond
    apply(
        UnpackOptions.defaults(),
        tar()
            .dir("d", 0755)
            .at(far)
            .file("d/f", "x")
            .at(far)
            .symlink("d/l", "f")
            .at(far)
            .symlink("d/m", "f")
            .at(fine)
            .node("d/p", TarConstants.LF_FIFO, 0, 0, 0644)
            .at(far)
            .bytes(),
        // A later layer changes d's children: d keeps the exact time its entry gave it.
        tar().file("d/g", "y").at(fine).bytes());
    for (String rel : List.of("d", "d/f", "d/l", "d/p")) {
      assertEquals(far, NativeStat.mtime(root.resolve(rel)), rel);
    }
    assertEquals(fine, NativeStat.mtime(root.resolve("d/m")));
    assertEquals(fine, NativeStat.mtime(root.resolve("d/g")));
  }
}
