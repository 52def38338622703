package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertClean;
import static dev.ocikit.image.verify.Findings.assertOnly;
import static dev.ocikit.image.verify.TestLayout.TAR;
import static dev.ocikit.image.verify.TestLayout.TAR_GZIP;

import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whiteouts against the layers below them and against their own layer, on layers written by hand.
 * Each bad case must raise exactly its finding, each good case none.
 */
class WhiteoutLintTest {
  @TempDir Path dir;

  /** Names ending in / are directories, the rest small files. */
  private static byte[] tar(String... names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String n : names) {
        TarArchiveEntry e = new TarArchiveEntry(n, true);
        byte[] body = n.endsWith("/") ? new byte[0] : n.getBytes(StandardCharsets.UTF_8);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  /** An image whose layers are the given tars, bottom first; alternately plain and gzip. */
  private ValidationResult image(byte[]... layers) throws IOException {
    TestLayout l = new TestLayout(dir, DigestAlgorithm.SHA256);
    List<Blob> blobs = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (int i = 0; i < layers.length; i++) {
      blobs.add(i % 2 == 0 ? l.blob(TAR, layers[i]) : l.blob(TAR_GZIP, TestLayout.gzip(layers[i])));
      diffIds.add(Digest.compute(l.algorithm, layers[i]));
    }
    l.index(l.manifest(l.config(diffIds), blobs, "").descriptor());
    return ImageValidator.validate(dir);
  }

  @Test
  void whiteoutOfALowerFileIsClean() throws IOException {
    assertClean(image(tar("etc/", "etc/a", "etc/b"), tar("etc/", "etc/.wh.a")));
  }

  @Test
  void whiteoutOfAnImpliedDirectoryOrDotSlashPathIsClean() throws IOException {
    // The lower layer never lists usr/ or usr/lib/ itself, and spells its names with ./
    assertClean(image(tar("./usr/lib/x.so", "./opt/tool"), tar("usr/.wh.lib", "./.wh.opt", "x/")));
  }

  @Test
  void whiteoutTwoLayersDownIsClean() throws IOException {
    assertClean(image(tar("a", "b"), tar("c"), tar(".wh.a"), tar(".wh.b")));
  }

  @Test
  void whiteoutOfAPathNoLowerLayerHas() throws IOException {
    assertOnly(
        image(tar("etc/", "etc/a"), tar("etc/", "etc/.wh.missing")),
        "image.layer.whiteout.target-exists",
        Severity.WARNING,
        "layers[1] (blobs/sha256/",
        "entry \"etc/.wh.missing\" whites out etc/missing, which none of the 1 lower layers has");
  }

  @Test
  void whiteoutInTheFirstLayer() throws IOException {
    assertOnly(
        image(tar("etc/", "etc/.wh.passwd")),
        "image.layer.whiteout.target-exists",
        Severity.WARNING,
        "layers[0]",
        "whites out etc/passwd, but this is the first layer");
  }

  @Test
  void whiteoutOfAFileTheSameLayerCreates() throws IOException {
    // The lower layer has etc/a, so only the same-layer finding is expected.
    assertOnly(
        image(tar("etc/", "etc/a"), tar("etc/", "etc/a", "etc/.wh.a")),
        "image.layer.whiteout.lower-only",
        Severity.WARNING,
        "layers[1]",
        "entry \"etc/.wh.a\" whites out etc/a, which this same layer also creates",
        "this layer's etc/a stays");
  }

  @Test
  void directoryRecreatedAfterItsWhiteoutIsClean() throws IOException {
    // The explicit form of the spec's opaque-whiteout example: delete a/b, recreate it.
    assertClean(
        image(
            tar("a/", "a/b/", "a/b/c/", "a/b/c/bar"),
            tar("a/", "a/.wh.b", "a/b/", "a/b/c/", "a/b/c/foo")));
  }

  @Test
  void opaqueWhiteoutsAreNotTargets() throws IOException {
    assertClean(image(tar("a/", "a/x"), tar("new/", "new/.wh..wh..opq", "a/.wh..wh..opq")));
  }

  @Test
  void findingsPerLayerAreCapped() throws IOException {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      names.add(".wh.gone" + i);
    }
    ValidationResult r = image(tar("a"), tar(names.toArray(String[]::new)));
    org.junit.jupiter.api.Assertions.assertEquals(
        LayerLint.MAX_PER_RULE, r.findings().size(), Findings.render(r));
  }
}
