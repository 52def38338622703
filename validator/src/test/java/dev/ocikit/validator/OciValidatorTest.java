package dev.ocikit.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageReference;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each kind of path is told apart once and validated by the validator for it. */
class OciValidatorTest {
  private static final Path DATA = Checkout.testdata();
  private static final ValidatorOptions OPTIONS = ValidatorOptions.DEFAULT;

  @TempDir Path tmp;

  @Test
  void aBundleDirectory() throws IOException {
    Path bundle = DATA.resolve("bundles/sample");
    assertEquals(PathKind.BUNDLE, OciValidator.detect(bundle, OPTIONS));
    ValidationResult r = OciValidator.validate(bundle, OPTIONS);
    assertEquals("bundle", r.type());
    assertTrue(r.valid(), () -> r.findings().toString());
  }

  @Test
  void anImageLayoutAndItsArchive() throws IOException {
    Path layout = DATA.resolve("images/sample");
    assertEquals(PathKind.IMAGE_LAYOUT, OciValidator.detect(layout, OPTIONS));
    ValidationResult fromDir = OciValidator.validate(layout, OPTIONS);
    assertTrue(fromDir.valid(), () -> fromDir.findings().toString());
    // Without the .tar name: the content says it is an image archive.
    Path archive = tar(layout, tmp.resolve("sample-image"));
    assertEquals(PathKind.IMAGE_ARCHIVE, OciValidator.detect(archive, OPTIONS));
    ValidationResult fromTar = OciValidator.validate(archive, OPTIONS);
    assertEquals("image-archive", fromTar.type());
    assertEquals(fromDir.findings().size(), fromTar.findings().size());
    assertTrue(fromTar.valid(), () -> fromTar.findings().toString());
  }

  @Test
  void aConfigByContentWhateverItsNameGetsTheConfigRules() throws IOException {
    Path config = tmp.resolve("not-named-config.json");
    Files.writeString(
        config,
        "{\"ociVersion\":\"1.3.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"cwd\":\"relative\",\"args\":[\"sh\"]}}");
    assertEquals(PathKind.RUNTIME_CONFIG, OciValidator.detect(config, OPTIONS));
    assertEquals(PathKind.DOCUMENT, OciValidator.guess(config, OPTIONS), "a guess reads nothing");
    ValidationResult r = OciValidator.validate(config, OPTIONS);
    assertEquals(DocumentType.RUNTIME_CONFIG.id(), r.type());
    // process.cwd.absolute is a config rule: a plain document validation would not run it.
    assertTrue(
        r.findings().stream()
            .map(Finding::ruleId)
            .anyMatch(id -> id.equals("process.cwd.absolute")),
        () -> r.findings().toString());
  }

  @Test
  void anotherDocumentAndAForcedType() throws IOException {
    Path manifest = DATA.resolve("documents/image-manifest/valid/image-three-layers.json");
    assertEquals(PathKind.DOCUMENT, OciValidator.detect(manifest, OPTIONS));
    ValidationResult r = OciValidator.validate(manifest, OPTIONS);
    assertEquals(DocumentType.IMAGE_MANIFEST.id(), r.type());
    assertTrue(r.valid(), () -> r.findings().toString());
    ValidationResult asIndex =
        OciValidator.validate(manifest, OPTIONS.withType(DocumentType.IMAGE_INDEX));
    assertEquals(DocumentType.IMAGE_INDEX.id(), asIndex.type());
    assertFalse(asIndex.valid(), "a manifest is not a valid index");
  }

  @Test
  void everyBundleAndLayoutUnderADirectory() throws IOException {
    List<Path> found = OciValidator.findAll(DATA);
    assertTrue(found.contains(DATA.resolve("bundles/sample")), found::toString);
    assertTrue(found.contains(DATA.resolve("images/sample")), found::toString);
    assertEquals(List.of(), OciValidator.findAll(Files.createDirectory(tmp.resolve("empty"))));
  }

  @Test
  void aSkopeoStyleReferenceNamesTheImageToFind() throws IOException {
    Path layout = DATA.resolve("images/sample");
    ValidationResult r =
        OciValidator.validate(ImageReference.parse("oci:" + layout + ":sample"), OPTIONS);
    assertTrue(r.valid(), () -> r.findings().toString());
    IOException none =
        assertThrows(
            IOException.class,
            () -> OciValidator.validate(ImageReference.parse("oci:" + layout + ":nope"), OPTIONS));
    assertTrue(none.getMessage().contains("nope"), none.getMessage());
    assertThrows(
        IOException.class,
        () -> OciValidator.validate(ImageReference.parse("oci-archive:" + layout), OPTIONS),
        "oci-archive: names a directory");
  }

  @Test
  void aMissingPathIsAnErrorNotAResult() {
    assertThrows(
        NoSuchFileException.class, () -> OciValidator.validate(tmp.resolve("nothing"), OPTIONS));
  }

  @Test
  void manyThreadsAtOnceGetTheSameResults() throws Exception {
    List<Path> paths =
        List.of(
            DATA.resolve("bundles/sample"),
            DATA.resolve("bundles/broken"),
            DATA.resolve("images/sample"),
            DATA.resolve("documents/image-manifest/valid/image-three-layers.json"));
    List<ValidationResult> alone = new java.util.ArrayList<>();
    for (Path p : paths) {
      alone.add(OciValidator.validate(p, OPTIONS));
    }
    var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<ValidationResult>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < 32; i++) {
        Path p = paths.get(i % paths.size());
        futures.add(pool.submit(() -> OciValidator.validate(p, OPTIONS)));
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(alone.get(i % paths.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Path tar(Path dir, Path target) throws IOException {
    try (OutputStream out = Files.newOutputStream(target);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted().toList()) {
        if (p.equals(dir)) {
          continue;
        }
        String name = dir.relativize(p).toString() + (Files.isDirectory(p) ? "/" : "");
        TarArchiveEntry e = new TarArchiveEntry(p.toFile(), name);
        tar.putArchiveEntry(e);
        if (Files.isRegularFile(p)) {
          Files.copy(p, tar);
        }
        tar.closeArchiveEntry();
      }
    }
    return target;
  }
}
