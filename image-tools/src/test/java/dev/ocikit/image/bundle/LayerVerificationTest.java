package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.Progress;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import dev.ocikit.spec.digest.BlobVerificationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every blob is verified on the way in: tampering with any one of them, adding trailing bytes, or a
 * wrong DiffID fails the unpack and leaves no {@code rootfs}. Archives work like directories.
 */
class LayerVerificationTest {
  private static final String EXEC = "{\"Cmd\":[\"/bin/sh\"]}";
  @TempDir Path tmp;

  private LayoutWriter oneImage(Path dir) throws IOException {
    LayoutWriter w = new LayoutWriter(dir);
    w.writeIndex(w.image("linux", "amd64", "content", EXEC, LayoutWriter.refName("v1")));
    return w;
  }

  private static boolean causedByVerification(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof BlobVerificationException || t instanceof UnpackException) {
        return true;
      }
    }
    return false;
  }

  @Test
  void tamperingWithAnyBlobFailsAndLeavesNoRootfs() throws Exception {
    LayoutWriter w = oneImage(tmp.resolve("img"));
    List<Path> blobs;
    try (Stream<Path> s = Files.list(w.dir.resolve("blobs/sha256"))) {
      blobs = s.sorted().toList();
    }
    assertEquals(3, blobs.size());
    for (Path blob : blobs) {
      byte[] good = Files.readAllBytes(blob);
      for (int variant = 0; variant < 2; variant++) {
        byte[] bad;
        if (variant == 0) {
          bad = good.clone();
          bad[bad.length / 2] ^= 0x01;
        } else {
          bad = java.util.Arrays.copyOf(good, good.length + 1);
        }
        Files.write(blob, bad);
        Path dest = tmp.resolve("dest-" + blob.getFileName() + "-" + variant);
        IOException e =
            assertThrows(
                IOException.class,
                () -> Unpacker.unpack(w.dir, "v1", dest, UnpackOptions.defaults()));
        assertTrue(causedByVerification(e), () -> blob + ": " + e);
        assertFalse(Files.exists(dest.resolve("rootfs")), blob.toString());
        Files.write(blob, good);
      }
    }
    assertTrue(
        Files.exists(
            Unpacker.unpack(w.dir, "v1", tmp.resolve("ok"), UnpackOptions.defaults())
                .rootfs()
                .resolve("marker")));
  }

  @Test
  void wrongDiffIdFailsNamingBothValues() throws Exception {
    LayoutWriter w = new LayoutWriter(tmp.resolve("img"));
    w.diffIdOverride = "sha256:" + "ab".repeat(32);
    w.writeIndex(w.image("linux", "amd64", "content", EXEC, ""));
    Path dest = tmp.resolve("dest");
    UnpackException e =
        assertThrows(
            UnpackException.class,
            () -> Unpacker.unpack(w.dir, null, dest, UnpackOptions.defaults()));
    assertTrue(e.getMessage().contains("rootfs.diff_ids says sha256:abab"), e.getMessage());
    assertTrue(e.getMessage().contains("the uncompressed layer hashes to sha256:"), e.getMessage());
    assertFalse(Files.exists(dest.resolve("rootfs")));
  }

  @Test
  void archiveWorksLikeTheDirectoryAndReportsProgress() throws Exception {
    LayoutWriter w = oneImage(tmp.resolve("img"));
    Path archive = tmp.resolve("img.tar");
    Process p =
        new ProcessBuilder("tar", "-C", w.dir.toString(), "-cf", archive.toString(), ".")
            .inheritIO()
            .start();
    assertEquals(0, p.waitFor());
    AtomicLong bytes = new AtomicLong();
    AtomicLong layers = new AtomicLong();
    Progress progress =
        new Progress() {
          @Override
          public void layerStarted(int index, String digest, long size) {
            layers.incrementAndGet();
          }

          @Override
          public void bytesRead(long n) {
            bytes.addAndGet(n);
          }
        };
    UnpackedImage u =
        Unpacker.unpack(
            archive, "v1", tmp.resolve("out"), UnpackOptions.defaults().withProgress(progress));
    assertEquals("content", Files.readString(u.rootfs().resolve("marker")));
    assertEquals(1, layers.get());
    assertEquals(u.image().manifest().layers().get(0).size(), bytes.get());
    assertEquals("v1", u.image().refName());
  }

  @Test
  void notAnImageIsAClearError() throws Exception {
    Files.writeString(tmp.resolve("plain.txt"), "hello");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                Unpacker.unpack(
                    tmp.resolve("plain.txt"), null, tmp.resolve("d"), UnpackOptions.defaults()));
    assertTrue(e.getMessage().contains("not an OCI image archive"), e.getMessage());
    Files.createDirectories(tmp.resolve("emptydir"));
    e =
        assertThrows(
            IOException.class,
            () ->
                Unpacker.unpack(
                    tmp.resolve("emptydir"), null, tmp.resolve("d"), UnpackOptions.defaults()));
    assertTrue(e.getMessage().contains("no oci-layout file"), e.getMessage());
  }
}
