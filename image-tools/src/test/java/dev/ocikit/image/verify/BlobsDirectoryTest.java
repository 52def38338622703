package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertClean;
import static dev.ocikit.image.verify.Findings.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * image-layout.md#content: the {@code blobs} directory MUST exist (and MAY be empty), in a layout
 * directory and in an archive of one.
 */
class BlobsDirectoryTest {
  @TempDir Path dir;

  private ValidationResult validate(Path p) throws IOException {
    return ImageValidator.validate(p, ImageValidationOptions.DEFAULT);
  }

  @Test
  void emptyBlobsDirectoryIsFine() throws IOException {
    new TestLayout(dir, DigestAlgorithm.SHA256).index();
    assertClean(validate(dir));
  }

  @Test
  void layoutWithoutBlobsIsAnError() throws IOException {
    new TestLayout(dir, DigestAlgorithm.SHA256).index();
    Files.delete(dir.resolve("blobs"));
    Finding f =
        assertOnly(
            validate(dir),
            "image.layout.blobs.present",
            Severity.ERROR,
            "no blobs directory at the root of " + dir);
    assertEquals(dir + "/blobs", f.location().file()); // named as the user named the layout
  }

  @Test
  void blobsThatIsAFileIsAnError() throws IOException {
    new TestLayout(dir, DigestAlgorithm.SHA256).index();
    Files.delete(dir.resolve("blobs"));
    Files.writeString(dir.resolve("blobs"), "not a directory");
    assertOnly(
        validate(dir),
        "image.layout.blobs.present",
        Severity.ERROR,
        "blobs at the root of " + dir + " is a regular file, not a directory");
  }

  @Test
  void referencedBlobsWithoutBlobsDirectoryAreOneErrorAndWarnings() throws IOException {
    TestLayout l = new TestLayout(dir, DigestAlgorithm.SHA256);
    l.image("etc/hello");
    try (var walk = Files.walk(dir.resolve("blobs"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
    ValidationResult r = validate(dir);
    assertEquals(
        List.of("ERROR image.layout.blobs.present", "WARNING image.blob.present"),
        r.findings().stream().map(x -> x.severity() + " " + x.ruleId()).toList(),
        Findings.render(r));
    assertFalse(r.valid());
  }

  @Test
  void archiveWithoutBlobsIsAnError() throws IOException {
    Path tar = archive(Map.of("oci-layout", layoutMarker(), "index.json", emptyIndex()));
    assertOnly(
        validate(tar),
        "image.layout.blobs.present",
        Severity.ERROR,
        "no blobs directory at the root of " + tar);
  }

  @Test
  void archiveHoldsBlobsImplicitlyOrExplicitly() throws IOException {
    // tar writes the directory entry, other writers only the files under it: both hold blobs.
    Path explicit =
        archive(
            Map.of("oci-layout", layoutMarker(), "index.json", emptyIndex(), "./blobs/", "dir"));
    assertClean(validate(explicit));
    Path implicit =
        archive(
            Map.of(
                "oci-layout", layoutMarker(), "index.json", emptyIndex(), "blobs/sha256/", "dir"));
    assertClean(validate(implicit));
  }

  private static String layoutMarker() {
    return "{\"imageLayoutVersion\":\"1.0.0\"}";
  }

  private static String emptyIndex() {
    return TestLayout.indexJson();
  }

  /** An archive of the given entries; a value of {@code dir} makes a directory entry. */
  private Path archive(Map<String, String> entries) throws IOException {
    Path file = dir.resolve("layout-" + entries.size() + "-" + entries.hashCode() + ".tar");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      for (var e : new java.util.TreeMap<>(entries).entrySet()) {
        boolean isDir = e.getValue().equals("dir");
        TarArchiveEntry entry =
            isDir
                ? new TarArchiveEntry(e.getKey(), TarArchiveEntry.LF_DIR, true)
                : new TarArchiveEntry(e.getKey(), true);
        byte[] body = isDir ? new byte[0] : e.getValue().getBytes(StandardCharsets.UTF_8);
        entry.setSize(body.length);
        tar.putArchiveEntry(entry);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return file;
  }
}
