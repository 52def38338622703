package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.tar.RawTar;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.mediatype.Compression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Layers crafted so that two readers of tar would see different entries: validation must report
 * what unpacking would create, and refuse what unpacking refuses.
 */
class LayerReadingAgreementTest {
  @TempDir Path dir;

  private ValidationResult validate(byte[] tar) throws IOException {
    Path layout = dir.resolve("layout");
    TestLayout l = new TestLayout(layout, DigestAlgorithm.SHA256);
    Blob layer = l.blob(TestLayout.TAR, tar);
    Blob config = l.config(List.of(Digest.compute(DigestAlgorithm.SHA256, tar)));
    l.index(l.manifest(config, List.of(layer), "").descriptor());
    return ImageValidator.validate(layout);
  }

  private UnpackException unpackFails(byte[] tar) throws IOException {
    Path root = Files.createDirectories(dir.resolve("root"));
    LayerSource s =
        new LayerSource("sha256:test", Compression.NONE, () -> new ByteArrayInputStream(tar));
    return assertThrows(
        UnpackException.class,
        () -> LayerApplier.apply(List.of(s), root, UnpackOptions.defaults()));
  }

  private static List<Finding> findings(ValidationResult r, String ruleId) {
    return r.findings().stream().filter(f -> f.ruleId().equals(ruleId)).toList();
  }

  /** A file whose header says 1024 bytes of body, which hold two more headers. */
  private static byte[] fileHidingEntries() {
    byte[] hidden = RawTar.tar().file("../evil", "").file("a", "").bytes();
    return RawTar.tar().add(RawTar.header("a", '0', hidden.length)).raw(hidden).end().bytes();
  }

  @Test
  void aGlobalSizeOfZeroHidesNothingFromValidation() throws IOException {
    byte[] tar = RawTar.tar().pax('g', "size=0").raw(fileHidingEntries()).bytes();
    ValidationResult r = validate(tar);
    assertEquals(1, findings(r, "image.layer.entry.safe-name").size(), Findings.render(r));
    assertEquals(1, findings(r, "image.layer.entry.unique").size(), Findings.render(r));
    UnpackException e = unpackFails(tar);
    assertTrue(e.getMessage().contains("\"../evil\": name escapes the root"), e.getMessage());
  }

  @Test
  void aLocalSizeRecordCountsTheSameForBoth() throws IOException {
    byte[] tar = RawTar.tar().pax('x', "size=1024", "size=0").raw(fileHidingEntries()).bytes();
    ValidationResult r = validate(tar);
    assertEquals(1, findings(r, "image.layer.entry.safe-name").size(), Findings.render(r));
    assertTrue(unpackFails(tar).getMessage().contains("escapes the root"));
  }

  @Test
  void aWrongHeaderChecksumIsRefusedByBoth() throws IOException {
    byte[] tar =
        RawTar.tar()
            .file("ok", "x")
            .add(RawTar.header("etc/cron.d/job", '0', 0).wrongChecksum())
            .end()
            .bytes();
    ValidationResult r = validate(tar);
    List<Finding> format = findings(r, "image.layer.format");
    assertEquals(1, format.size(), Findings.render(r));
    assertTrue(format.get(0).message().contains("checksum"), format.get(0).message());
    UnpackException e = unpackFails(tar);
    assertTrue(e.getMessage().contains("checksum"), e.getMessage());
    assertTrue(e.getMessage().contains("after \"ok\""), e.getMessage());
  }

  @Test
  void twoNamesThatAreNotUtf8AreNeitherMergedNorCalledDuplicates() throws IOException {
    byte[] fe = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfe};
    byte[] fd = {'r', 'a', 'w', (byte) 0xff, (byte) 0xfd};
    byte[] tar =
        RawTar.tar()
            .add(RawTar.header(fe, '0', 1))
            .body("1".getBytes(StandardCharsets.US_ASCII))
            .add(RawTar.header(fd, '0', 1))
            .body("2".getBytes(StandardCharsets.US_ASCII))
            .end()
            .bytes();
    ValidationResult r = validate(tar);
    assertEquals(List.of(), findings(r, "image.layer.entry.unique"), Findings.render(r));
    assertEquals(2, findings(r, "image.layer.entry.utf8-name").size(), Findings.render(r));
    UnpackException e = unpackFails(tar);
    assertTrue(e.getMessage().contains("entry \"raw\\udcff\\udcfe\""), e.getMessage());
    assertTrue(e.getMessage().contains("not valid UTF-8"), e.getMessage());
  }
}
