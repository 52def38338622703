package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertClean;
import static dev.ocikit.image.verify.Findings.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.image.Descriptor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images built by umoci and converted by skopeo: valid as written, and every referenced blob
 * tampered with in turn (flipped byte, truncated, appended) in the layout and in an archive.
 */
class RealImageTest {
  @TempDir Path dir;
  private Path img;

  @BeforeEach
  void build() throws Exception {
    assumeTrue(RealImages.available("umoci"), "needs umoci: builds the fixture image");
    img = RealImages.umociImage(dir);
  }

  private static ValidationResult validate(Path p) throws IOException {
    return ImageValidator.validate(p, ImageValidationOptions.DEFAULT);
  }

  @Test
  void umociLayoutIsValid() throws IOException {
    List<Descriptor> blobs = RealImages.referenced(img);
    assertEquals(4, blobs.size(), "manifest, config, two layers");
    assertTrue(blobs.get(2).mediaType().endsWith("tar+gzip"));
    assertClean(validate(img));
  }

  @Test
  void zstdLayersFromSkopeoAreValid() throws Exception {
    assumeTrue(RealImages.available("skopeo"), "needs skopeo: recompresses the image as zstd");
    RealImages.sh(dir, "skopeo copy --dest-compress --dest-compress-format zstd oci:img:t oci:z:t");
    List<Descriptor> blobs = RealImages.referenced(dir.resolve("z"));
    assertEquals("application/vnd.oci.image.layer.v1.tar+zstd", blobs.get(2).mediaType());
    assertClean(validate(dir.resolve("z")));
  }

  @Test
  void skopeoArchiveIsValid() throws Exception {
    assumeTrue(RealImages.available("skopeo"), "needs skopeo: writes the oci-archive");
    RealImages.sh(dir, "skopeo copy oci:img:t oci-archive:" + dir.resolve("x.tar") + ":t");
    ValidationResult r = validate(dir.resolve("x.tar"));
    assertEquals("image-archive", r.type());
    assertClean(r);
  }

  private enum Tamper {
    FLIP("image.blob.digest"),
    TRUNCATE("image.blob.size"),
    APPEND("image.blob.size");

    final String rule;

    Tamper(String rule) {
      this.rule = rule;
    }

    byte[] apply(byte[] b) {
      return switch (this) {
        case FLIP -> {
          byte[] c = b.clone();
          c[c.length / 2] ^= 0x20;
          yield c;
        }
        case TRUNCATE -> Arrays.copyOf(b, b.length - 1);
        case APPEND -> Arrays.copyOf(b, b.length + 1);
      };
    }
  }

  @Test
  void everyBlobTamperedInTurnIsNamed() throws Exception {
    List<Descriptor> blobs = RealImages.referenced(img);
    int cases = 0;
    for (Descriptor d : blobs) {
      for (Tamper t : Tamper.values()) {
        Path copy = dir.resolve("case" + cases++);
        RealImages.copyTree(img, copy);
        Path file = RealImages.blob(copy, d);
        byte[] tampered = t.apply(Files.readAllBytes(file));
        Files.write(file, tampered);
        String path = "blobs/" + d.digest().replace(':', '/');
        String because = t + " " + path;
        String named = t == Tamper.FLIP ? d.digest() : path;
        Finding f = assertOnly(validate(copy), t.rule, Severity.ERROR, path, named);
        if (t == Tamper.FLIP) {
          String actual = Digest.compute(DigestAlgorithm.SHA256, tampered).toString();
          assertTrue(f.message().endsWith("hashes to " + actual), because + ": " + f.message());
        }
        Path archive = dir.resolve("case" + cases + ".tar");
        RealImages.pack(copy, archive);
        assertOnly(validate(archive), t.rule, Severity.ERROR, path, named);
      }
    }
    assertEquals(12, cases);
  }

  @Test
  void rewrittenDiffIdIsCaught() throws Exception {
    List<Descriptor> blobs = RealImages.referenced(img);
    Descriptor manifest = blobs.get(0);
    Descriptor config = blobs.get(1);
    String configJson = Files.readString(RealImages.blob(img, config));
    String wrong = "sha256:" + "0".repeat(64);
    String newConfig =
        configJson.replaceFirst(
            "\"diff_ids\":\\[\"sha256:[0-9a-f]{64}\"", "\"diff_ids\":[\"" + wrong + "\"");
    assertTrue(!newConfig.equals(configJson));
    Descriptor newConfigDesc = write(newConfig, config.mediaType());
    String manifestJson =
        Files.readString(RealImages.blob(img, manifest))
            .replace(config.digest(), newConfigDesc.digest())
            .replace("\"size\":" + config.size() + ",", "\"size\":" + newConfigDesc.size() + ",")
            .replace("\"size\":" + config.size() + "}", "\"size\":" + newConfigDesc.size() + "}");
    Descriptor newManifest = write(manifestJson, manifest.mediaType());
    Files.writeString(
        img.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[" + newManifest.toJson() + "]}");
    assertOnly(
        validate(img),
        "image.layer.diff-id",
        Severity.ERROR,
        "rootfs.diff_ids[0]=" + wrong,
        "layers[0] (" + blobs.get(2).digest() + ")");
  }

  private Descriptor write(String json, String mediaType) throws IOException {
    byte[] b = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    Digest d = Digest.compute(DigestAlgorithm.SHA256, b);
    Files.write(img.resolve("blobs/sha256").resolve(d.encoded()), b);
    return Descriptor.builder()
        .mediaType(mediaType)
        .digest(d.toString())
        .size((long) b.length)
        .build();
  }

  @Test
  void symlinkedBlobIsRefused() throws IOException {
    Descriptor layer = RealImages.referenced(img).get(3);
    Path file = RealImages.blob(img, layer);
    Path outside = dir.resolve("outside-blob");
    Files.move(file, outside);
    Files.createSymbolicLink(file, outside);
    assertOnly(
        validate(img),
        "image.blob.regular-file",
        Severity.ERROR,
        "blobs/" + layer.digest().replace(':', '/'),
        "a link, not a regular file");
  }

  @Test
  void missingLayerIsAnErrorOnlyWhenAllAreRequired() throws IOException {
    Descriptor layer = RealImages.referenced(img).get(2);
    Files.delete(RealImages.blob(img, layer));
    assertOnly(validate(img), "image.blob.present", Severity.WARNING, layer.digest());
    ValidationResult complete =
        ImageValidator.validate(
            img, ImageValidationOptions.DEFAULT.withRequireAllBlobs(true).withParallelism(1));
    assertOnly(complete, "image.blob.present", Severity.ERROR, layer.digest());
  }

  @Test
  void indexEntryWithWrongMediaType() throws IOException {
    // umoci writes manifests without their own mediaType: their config and layers betray them.
    Descriptor manifest = RealImages.referenced(img).get(0);
    String index = Files.readString(img.resolve("index.json"));
    Files.writeString(
        img.resolve("index.json"),
        index.replace(
            "application/vnd.oci.image.manifest.v1+json",
            "application/vnd.oci.image.index.v1+json"));
    ValidationResult r = validate(img);
    assertTrue(
        r.findings().stream()
            .anyMatch(
                f ->
                    f.ruleId().equals("image.index.no-config-layers")
                        && f.location()
                            .file()
                            .equals(img + "/blobs/" + manifest.digest().replace(':', '/'))),
        Findings.render(r));
  }
}
