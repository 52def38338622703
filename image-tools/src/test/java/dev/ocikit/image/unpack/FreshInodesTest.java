package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static java.nio.file.LinkOption.NOFOLLOW_LINKS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Leaving out the chown and chmod calls a new inode does not need never changes the result: modes
 * the umask would strip, setgid directories (whose new children inherit group and setgid bit) and
 * non-default owners all end up exactly as the layer says.
 */
class FreshInodesTest {
  @TempDir Path root;

  /** Counts the owner and mode changes the applier asks for. */
  static final class CountingRootFs extends HostRootFs {
    int chowns;
    int chmods;

    CountingRootFs(Path root) {
      super(root);
    }

    @Override
    public void chown(Path p, int uid, int gid) throws IOException {
      chowns++;
      super.chown(p, uid, gid);
    }

    @Override
    public void chmod(Path p, int mode, Kind kind) throws IOException {
      chmods++;
      super.chmod(p, mode, kind);
    }
  }

  private CountingRootFs apply(byte[] blob) throws IOException {
    Path real = root.toRealPath();
    CountingRootFs fs = new CountingRootFs(real);
    LayerApplier.apply(List.of(TarBuilder.source("t", blob)), real, UnpackOptions.defaults(), fs);
    return fs;
  }

  private Object attr(String rel, String name) throws IOException {
    return Files.getAttribute(root.resolve(rel), "unix:" + name, NOFOLLOW_LINKS);
  }

  private static int umask() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (l.startsWith("Umask:")) {
        return Integer.parseInt(l.substring(6).trim(), 8);
      }
    }
    throw new IOException("no Umask line in /proc/self/status");
  }

  @Test
  void modesTheUmaskStripsAreSetExactly() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: entries owned by uid 0");
    apply(
        tar()
            .dir("open", 0777)
            .file("open/all", "x", 0666)
            .dir("closed", 0700)
            .file("closed/mine", "x", 0600)
            .file("exec", "x", 0755)
            .bytes());
    assertEquals(040777, attr("open", "mode"));
    assertEquals(0100666, attr("open/all", "mode"));
    assertEquals(040700, attr("closed", "mode"));
    assertEquals(0100600, attr("closed/mine", "mode"));
    assertEquals(0100755, attr("exec", "mode"));
  }

  @Test
  void childrenOfASetgidDirectoryKeepTheirOwnGroupAndMode() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: chown to arbitrary ids");
    TarArchiveEntry shared = new TarArchiveEntry("shared/");
    shared.setMode(02775);
    shared.setIds(0, 1234);
    apply(
        tar()
            // Ordinary entries first, so the one-time check of each prediction is spent on them.
            .dir("plain", 0755)
            .file("plain/x", "x", 0644)
            .symlink("plain/l", "x")
            .add(shared, null)
            .file("shared/f", "x", 0644)
            .dir("shared/sub", 0755)
            .file("shared/sub/g", "x", 0644)
            .symlink("shared/link", "f")
            .bytes());
    assertEquals(042775, attr("shared", "mode"));
    assertEquals(1234, attr("shared", "gid"));
    assertEquals(0, attr("shared/f", "gid"));
    assertEquals(0, attr("shared/sub", "gid"));
    assertEquals(040755, attr("shared/sub", "mode"), "no setgid bit inherited");
    assertEquals(0, attr("shared/sub/g", "gid"));
    assertEquals(0, attr("shared/link", "gid"));
  }

  @Test
  void rootOwnedEntriesWithPlainModesNeedNoOwnerOrModeCalls() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: entries owned by uid 0");
    assumeTrue((umask() & 0755) == 0, "a umask that keeps 0755 and 0644 whole");
    TarBuilder t = tar().dir("etc", 0755);
    for (int i = 0; i < 50; i++) {
      t.file("etc/f" + i, "x", 0644);
    }
    TarArchiveEntry other = new TarArchiveEntry("etc/owned");
    other.setIds(1000, 1000);
    other.setMode(0644);
    CountingRootFs fs = apply(t.add(other, new byte[0]).bytes());
    // Only the one entry owned by someone else is chowned; no mode needs setting.
    assertEquals(1, fs.chowns);
    assertEquals(0, fs.chmods);
    assertEquals(1000, attr("etc/owned", "uid"));
    assertEquals(0100644, attr("etc/f7", "mode"));
  }

  @Test
  void specialFilesGetTheirModeWhateverTheFirstOneHad() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: device nodes");
    apply(
        tar()
            // The first node's mode is one its creation gives it, so the prediction is confirmed.
            .node("p0", TarConstants.LF_FIFO, 0, 0, 0600)
            .node("p1", TarConstants.LF_FIFO, 0, 0, 0644)
            .node("c", TarConstants.LF_CHR, 1, 3, 0644)
            .node("b", TarConstants.LF_BLK, 7, 0, 0640)
            .node("p2", TarConstants.LF_FIFO, 0, 0, 0755)
            .bytes());
    assertEquals(010600, attr("p0", "mode"));
    assertEquals(010644, attr("p1", "mode"));
    assertEquals(020644, attr("c", "mode"));
    assertEquals(060640, attr("b", "mode"));
    assertEquals(010755, attr("p2", "mode"));
  }

  @Test
  void missingParentsUnderASetgidDirectoryGetItsGroupAndSetgidBit() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: chown to arbitrary ids");
    TarArchiveEntry shared = new TarArchiveEntry("shared/");
    shared.setMode(02775);
    shared.setIds(0, 1234);
    apply(tar().add(shared, null).file("shared/a/b/f", "x", 0644).bytes());
    // As mkdir -p (and umoci) leave them: group and setgid bit from the parent, as the kernel
    // gives them, and the rest of 0777 less the umask.
    int perms = 0777 & ~umask();
    for (String implicit : List.of("shared/a", "shared/a/b")) {
      assertEquals(1234, attr(implicit, "gid"), implicit);
      assertEquals(040000 | 02000 | perms, attr(implicit, "mode"), implicit);
    }
    assertEquals(0, attr("shared/a/b/f", "gid"), "the entry's own group");
  }
}
