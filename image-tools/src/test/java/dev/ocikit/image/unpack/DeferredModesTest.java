package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Owners and modes that would let another user into the tree, or let them change it, are applied
 * only after everything else: the root's owner, mode and access ACL, and directories writable by
 * group or others or given away. Checked on the calls the applier makes, in order.
 */
class DeferredModesTest {
  @TempDir Path dir;

  /** Records each creation and owner, mode and ACL change, as "call path value". */
  static final class RecordingRootFs extends HostRootFs {
    final List<String> calls = new ArrayList<>();
    private final Path root;

    RecordingRootFs(Path root) {
      super(root);
      this.root = root;
    }

    private String rel(Path p) {
      String r = root.relativize(p).toString();
      return r.isEmpty() ? "." : r;
    }

    @Override
    public void mkdir(Path p, int perms) throws IOException {
      calls.add(String.format("mkdir %s %o", rel(p), perms & 0777));
      super.mkdir(p, perms);
    }

    @Override
    public OutputStream createFile(Path p, int perms) throws IOException {
      calls.add("create " + rel(p));
      return super.createFile(p, perms);
    }

    @Override
    public void chown(Path p, int uid, int gid) throws IOException {
      calls.add("chown " + rel(p) + " " + uid + ":" + gid);
      super.chown(p, uid, gid);
    }

    @Override
    public void chmod(Path p, int mode, Kind kind) throws IOException {
      calls.add(String.format("chmod %s %o", rel(p), mode));
      super.chmod(p, mode, kind);
    }

    @Override
    public String setXattr(Path p, String name, byte[] value, Kind kind) {
      calls.add("xattr " + rel(p) + " " + name);
      return null; // recorded only: system.* would need setfattr and root
    }
  }

  private RecordingRootFs apply(TarBuilder layer) throws IOException {
    Path root = Files.createDirectory(dir.resolve("root")).toRealPath();
    RecordingRootFs fs = new RecordingRootFs(root);
    LayerApplier.apply(List.of(layer.layer()), root, UnpackOptions.defaults(), fs);
    return fs;
  }

  private static void assertBefore(List<String> calls, String first, String then) {
    int a = calls.indexOf(first);
    int b = calls.indexOf(then);
    assertTrue(a >= 0 && b >= 0 && a < b, () -> first + " before " + then + " in " + calls);
  }

  @Test
  void writableDirectoryOpensOnlyAfterItsContent() throws IOException {
    RecordingRootFs fs =
        apply(tar().dir("pub", 0777).file("pub/a", "a").dir("tmp", 01777).file("tmp/b", "b"));
    // Made as asked (the kernel applies the umask), then held without write bits for others.
    assertBefore(fs.calls, "chmod pub 755", "create pub/a");
    assertBefore(fs.calls, "create pub/a", "chmod pub 777");
    assertBefore(fs.calls, "create tmp/b", "chmod tmp 1777");
    assertTrue(fs.calls.contains("chmod tmp 1755"), "sticky bit kept meanwhile: " + fs.calls);
    assertEquals(041777, Files.getAttribute(dir.resolve("root/tmp"), "unix:mode"));
    assertEquals(040777, Files.getAttribute(dir.resolve("root/pub"), "unix:mode"));
  }

  @Test
  void rootOwnerModeAndAccessAclComeLast() throws IOException {
    assumeTrue(SecondUserRaceTest.isRoot(), "needs root to give the root to another owner");
    TarArchiveEntry root = new TarArchiveEntry("./");
    root.setMode(02775);
    root.setUserId(1000);
    root.setGroupId(2000);
    root.addPaxHeader("SCHILY.xattr.system.posix_acl_access", "acl");
    RecordingRootFs fs = apply(tar().add(root, null).file("d/f", "f"));
    List<String> c = fs.calls;
    int last = c.size();
    assertEquals(
        List.of("chown . 1000:2000", "chmod . 2775", "xattr . system.posix_acl_access"),
        c.subList(last - 3, last));
    assertTrue(c.contains("chown . 0:2000"), "group (for setgid inheritance) first: " + c);
    assertTrue(c.contains("chmod . 2700"), "closed meanwhile, setgid kept: " + c);
    Path r = dir.resolve("root");
    assertEquals(1000, Files.getAttribute(r, "unix:uid", NOFOLLOW_LINKS));
    assertEquals(
        2000,
        Files.getAttribute(r.resolve("d"), "unix:gid", NOFOLLOW_LINKS),
        "a directory made for d/f inherits the group of the setgid root");
  }

  @Test
  void givenAwayDirectoryKeepsItsOwnerUntilTheEnd() throws IOException {
    assumeTrue(SecondUserRaceTest.isRoot(), "needs root to give a directory away");
    RecordingRootFs fs = apply(tar().dir("home", 0755, 1000, 1000).file("home/.profile", "x"));
    assertTrue(fs.calls.contains("chown home 0:1000"), fs.calls::toString);
    assertBefore(fs.calls, "create home/.profile", "chown home 1000:1000");
    assertEquals(1000, Files.getAttribute(dir.resolve("root/home"), "unix:uid", NOFOLLOW_LINKS));
  }

  @Test
  void replacedDirectoryIsForgotten() throws IOException {
    Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
    Object before = Files.getAttribute(elsewhere, "unix:mode");
    RecordingRootFs fs =
        apply(tar().dir("pub", 0777).file("pub/a", "a").symlink("pub", elsewhere.toString()));
    assertTrue(Files.isSymbolicLink(dir.resolve("root/pub")));
    assertTrue(
        fs.calls.stream().noneMatch(s -> s.equals("chmod pub 777")),
        "nothing applied to the symlink that took the name: " + fs.calls);
    assertEquals(before, Files.getAttribute(elsewhere, "unix:mode"));
  }
}
