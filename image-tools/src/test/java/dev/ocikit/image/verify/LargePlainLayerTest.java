package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertClean;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.Hasher;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A ~200 MB random-content plain layer validates clean (digest, DiffID, lint in one pass). The
 * throughput it prints is for information only; the benchmark beside peer tools is bench/verify.sh.
 */
class LargePlainLayerTest {
  private static final int MB = 1 << 20;

  @TempDir Path dir;

  @Test
  void plainTarLayerOf200Megabytes() throws IOException {
    TestLayout l = new TestLayout(dir, DigestAlgorithm.SHA256);
    Path tar = dir.resolve("layer.tar");
    Hasher diff = DigestAlgorithm.SHA256.newHasher();
    try (OutputStream out = Files.newOutputStream(tar);
        TarArchiveOutputStream t = new TarArchiveOutputStream(new HashingOut(out, diff))) {
      Random random = new Random(42);
      byte[] chunk = new byte[MB];
      for (int f = 0; f < 4; f++) {
        TarArchiveEntry e = new TarArchiveEntry("data/f" + f);
        e.setSize(50L * MB);
        t.putArchiveEntry(e);
        for (int i = 0; i < 50; i++) {
          random.nextBytes(chunk);
          t.write(chunk);
        }
        t.closeArchiveEntry();
      }
    }
    Digest digest;
    try (InputStream in = Files.newInputStream(tar)) {
      digest = Digest.compute(DigestAlgorithm.SHA256, in);
    }
    Blob layer = new Blob(digest, Files.size(tar), TestLayout.TAR);
    Path file = dir.resolve(layer.path());
    Files.createDirectories(file.getParent());
    Files.move(tar, file);
    l.index(l.manifest(l.config(List.of(diff.digest())), List.of(layer), "").descriptor());

    long t0 = System.nanoTime();
    var r = ImageValidator.validate(dir, ImageValidationOptions.DEFAULT);
    double seconds = (System.nanoTime() - t0) / 1e9;
    assertClean(r);
    assertEquals(0, layer.size() % 512, "a tar is made of 512-byte records");
    assertTrue(layer.size() > 200L * MB, "four 50 MiB files plus headers");
    System.out.printf(
        "verify throughput: %d MB plain tar layer (digest + DiffID + lint) in %.2f s = %.0f MB/s%n",
        layer.size() / MB, seconds, layer.size() / (double) MB / seconds);
  }

  /** Hashes what it writes: the DiffID of the tar as it is produced. */
  private static final class HashingOut extends java.io.FilterOutputStream {
    private final Hasher hasher;

    HashingOut(OutputStream out, Hasher hasher) {
      super(out);
      this.hasher = hasher;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      hasher.update(b, off, len);
      out.write(b, off, len);
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }
  }
}
