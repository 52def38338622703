package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * xattrs are attributes: a directory listed again ends with exactly the xattrs of its last entry
 * (layer.md: the existing directory's attributes are replaced by the entry's), and every kind of
 * file takes xattrs of any namespace.
 */
class XattrTest {
  @TempDir Path root;

  private UnpackResult apply(TarBuilder... layers) throws IOException {
    return LayerApplier.apply(
        Stream.of(layers).map(TarBuilder::layer).toList(), root, UnpackOptions.defaults());
  }

  private Map<String, String> xattrs(String rel) throws IOException {
    return NativeStat.xattrs(root.resolve(rel));
  }

  @Test
  void userXattrsAreSetOnAFileWithoutWarnings() throws IOException {
    UnpackResult r = apply(tar().file("f", "").xattr("user.note", "hello"));
    assertEquals(Map.of("user.note", "hello"), xattrs("f"));
    assertEquals(List.of(), r.warnings());
  }

  @Test
  void aDirectoryListedInALaterLayerKeepsOnlyItsNewXattrs() throws IOException {
    apply(
        tar()
            .dir("./", 0755)
            .xattr("user.root", "1")
            .dir("d", 0755)
            .xattr("user.a", "1")
            .xattr("user.b", "2")
            .file("d/f", "x")
            .xattr("user.f", "1"),
        tar().dir("./", 0755).dir("d", 0700).xattr("user.a", "3"));
    assertEquals(Map.of("user.a", "3"), xattrs("d"));
    assertEquals(Map.of(), xattrs(""));
    assertEquals(Map.of("user.f", "1"), xattrs("d/f"), "a file not listed again keeps its own");
  }

  @Test
  void aDirectoryListedTwiceInOneLayerEndsAsItsLastEntrySays() throws IOException {
    apply(
        tar()
            .dir("d", 0755)
            .xattr("user.a", "1")
            .xattr("user.b", "2")
            .file("d/x", "x")
            .dir("d", 0755)
            .xattr("user.b", "5"));
    assertEquals(Map.of("user.b", "5"), xattrs("d"));
  }

  @Test
  void trustedXattrsOnEveryKindOfFileWithoutAProcess() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: trusted.* xattrs and device nodes");
    long processes = Commands.started();
    UnpackResult r =
        apply(
            tar()
                .dir("d", 0755)
                .xattr("trusted.k", "dir")
                .file("d/f", "x")
                .xattr("trusted.k", "file")
                .symlink("d/l", "f")
                .xattr("trusted.k", "link")
                .node("d/p", TarConstants.LF_FIFO, 0, 0, 0644)
                .xattr("trusted.k", "fifo")
                .node("d/c", TarConstants.LF_CHR, 1, 3, 0666)
                .xattr("trusted.k", "char"),
            tar().dir("d", 0755).xattr("trusted.j", "again"));
    assertEquals(List.of(), r.warnings());
    assertEquals(Map.of("trusted.j", "again"), xattrs("d"));
    assertEquals(Map.of("trusted.k", "file"), xattrs("d/f"));
    assertEquals(Map.of("trusted.k", "link"), xattrs("d/l"));
    assertEquals(Map.of("trusted.k", "fifo"), xattrs("d/p"));
    assertEquals(Map.of("trusted.k", "char"), xattrs("d/c"));
    assertEquals(processes, Commands.started(), "no process was started");
  }

  /** An extended default ACL (user::rwx user:1000:rwx group::r-x mask::rwx other::r-x). */
  private static byte[] defaultAcl() {
    ByteBuffer b = ByteBuffer.allocate(4 + 5 * 8).order(ByteOrder.LITTLE_ENDIAN).putInt(2);
    int[][] entries = {{0x01, 7, -1}, {0x02, 7, 1000}, {0x04, 5, -1}, {0x10, 7, -1}, {0x20, 5, -1}};
    for (int[] e : entries) {
      b.putShort((short) e[0]).putShort((short) e[1]).putInt(e[2]);
    }
    return b.array();
  }

  @Test
  void aNewInodeLosesTheAclItsDirectorysDefaultAclGaveIt() throws IOException {
    Path real = root.toRealPath();
    FreshInodes inodes = FreshInodes.none();
    RootFs fs = new HostRootFs(real);
    XattrWriter xattrs = new XattrWriter(fs, inodes, new java.util.ArrayList<>());
    Path d = real.resolve("d");
    fs.mkdir(d, 0755);
    String name = "system.posix_acl_default";
    xattrs.apply(d, real, RootFs.Kind.DIRECTORY, true, Map.of(name, defaultAcl()), "d");
    Path sub = d.resolve("sub");
    fs.mkdir(sub, 0755); // a missing parent: it inherits the default ACL too
    inodes.directoryCreated(sub, d);
    for (Path f : List.of(d.resolve("f"), sub.resolve("g"))) {
      fs.createFile(f, 0644).close();
      assumeTrue(
          xattrs(real.relativize(f).toString()).containsKey("system.posix_acl_access"),
          "a filesystem without POSIX ACLs");
      xattrs.apply(
          f, f.getParent(), RootFs.Kind.REGULAR, true, Map.of("user.k", "v".getBytes()), "f");
      assertEquals(Map.of("user.k", "v"), xattrs(real.relativize(f).toString()), f.toString());
    }
  }
}
