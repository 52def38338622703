package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertClean;
import static dev.ocikit.image.verify.Findings.assertOnly;
import static dev.ocikit.image.verify.TestLayout.EMPTY;
import static dev.ocikit.image.verify.TestLayout.INDEX;
import static dev.ocikit.image.verify.TestLayout.MANIFEST;
import static dev.ocikit.image.verify.TestLayout.TAR;
import static dev.ocikit.image.verify.TestLayout.TAR_GZIP;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.verify.TestLayout.Blob;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Layouts written by hand: every algorithm, artifacts, nesting, and one bad fixture per rule. */
class HandMadeLayoutTest {
  @TempDir Path dir;

  private ValidationResult validate() throws IOException {
    return validate(ImageValidationOptions.DEFAULT);
  }

  private ValidationResult validate(ImageValidationOptions options) throws IOException {
    return ImageValidator.validate(dir, options);
  }

  private TestLayout layout() throws IOException {
    return new TestLayout(dir, DigestAlgorithm.SHA256);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256", "sha512", "blake3"})
  void everyRegisteredAlgorithmVerifies(String algorithm) throws IOException {
    TestLayout l = new TestLayout(dir, DigestAlgorithm.parse(algorithm));
    Blob manifest = l.image("etc/hello", "usr/bin/tool");
    assertEquals(algorithm, manifest.digest().algorithm().name());
    ValidationResult r = validate();
    assertEquals("image-layout", r.type());
    assertClean(r);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha512", "blake3"})
  void tamperedBlobFailsUnderEveryAlgorithm(String algorithm) throws IOException {
    TestLayout l = new TestLayout(dir, DigestAlgorithm.parse(algorithm));
    Blob manifest = l.image("etc/hello");
    Path file = dir.resolve(manifest.path());
    byte[] b = Files.readAllBytes(file);
    b[b.length - 2] ^= 1; // inside the JSON, length unchanged
    Files.write(file, b);
    assertOnly(
        validate(),
        "image.blob.digest",
        Severity.ERROR,
        "index.json manifests[0].digest=" + manifest.digest(),
        "but " + manifest.path() + " hashes to " + Digest.compute(l.algorithm, b));
  }

  @Test
  void artifactWithEmptyConfigAndSubjectIsValid() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("etc/hello");
    Blob empty = l.blob(EMPTY, "{}");
    Blob sbom = l.blob("application/vnd.example.sbom+json", "{\"packages\":[]}");
    Blob artifact =
        l.blob(
            MANIFEST,
            "{\"schemaVersion\":2,\"mediaType\":\""
                + MANIFEST
                + "\",\"artifactType\":\"application/vnd.example.sbom\",\"config\":"
                + empty.descriptor(",\"data\":\"e30=\"")
                + ",\"layers\":["
                + sbom.descriptor()
                + "],\"subject\":"
                + image.descriptor()
                + "}");
    l.index(
        image.descriptor(),
        artifact.descriptor(",\"artifactType\":\"application/vnd.example.sbom\""));
    assertClean(validate());
  }

  @Test
  void nestedIndexIsWalked() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("etc/hello");
    Blob nested =
        l.blob(
            INDEX,
            TestLayout.indexJson(
                image.descriptor(",\"platform\":{\"os\":\"linux\",\"architecture\":\"amd64\"}")));
    l.index(nested.descriptor());
    assertClean(validate());
    // The walk reaches the layer through the nested index: removing it is found.
    Blob layer = layerOf(l, image);
    Files.delete(dir.resolve(layer.path()));
    assertOnly(
        validate(ImageValidationOptions.DEFAULT.withRequireAllBlobs(true)),
        "image.blob.present",
        Severity.ERROR,
        "manifest "
            + image.digest().toString().substring(0, 19)
            + "… layers[0].digest="
            + layer.digest(),
        "is not in the layout");
  }

  private static Blob layerOf(TestLayout l, Blob manifest) throws IOException {
    String json = Files.readString(l.root.resolve(manifest.path()));
    String digest = json.replaceAll(".*\"layers\":\\[\\{[^}]*\"digest\":\"([^\"]+)\".*", "$1");
    Digest d = Digest.parse(digest);
    return new Blob(d, Files.size(l.root.resolve("blobs/sha256/" + d.encoded())), TAR_GZIP);
  }

  @Test
  @SuppressWarnings("deprecation") // withAllowMissing is kept for compatibility; tested here
  void missingBlobIsAWarningUnlessAllAreRequired() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("etc/hello");
    Blob layer = layerOf(l, image);
    Files.delete(dir.resolve(layer.path()));
    for (ImageValidationOptions lenient :
        List.of(
            ImageValidationOptions.DEFAULT,
            ImageValidationOptions.DEFAULT.withAllowMissing(true))) {
      ValidationResult allowed = validate(lenient);
      assertOnly(allowed, "image.blob.present", Severity.WARNING, layer.path());
      assertEquals(true, allowed.valid());
    }
    ImageValidationOptions complete = ImageValidationOptions.DEFAULT.withRequireAllBlobs(true);
    assertOnly(validate(complete), "image.blob.present", Severity.ERROR, layer.path());
    assertEquals(
        complete, ImageValidationOptions.DEFAULT.withAllowMissing(false), "the old name's inverse");
  }

  @Test
  void manifestBlobWithAnotherMediaTypeIsCaught() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("etc/hello");
    // The same bytes, described as an index by index.json (CVE-2021-41190).
    l.index(new Blob(image.digest(), image.size(), INDEX).descriptor());
    ValidationResult r = validate();
    List<String> rules = r.findings().stream().map(Finding::ruleId).sorted().toList();
    assertEquals(
        List.of(
            "image.descriptor.media-type.matches",
            "image.index.no-config-layers",
            "image.index.no-config-layers",
            "schema.const",
            "schema.required"),
        rules,
        Findings.render(r));
    Finding f =
        r.findings().stream()
            .filter(x -> x.ruleId().equals("image.descriptor.media-type.matches"))
            .findFirst()
            .get();
    assertEquals(
        image.path()
            + " declares mediaType="
            + MANIFEST
            + " but index.json manifests[0].mediaType="
            + INDEX
            + " (index.json)",
        f.message());
  }

  @Test
  void manifestWithManifestsPropertyIsAmbiguous() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("etc/hello");
    String json = Files.readString(dir.resolve(image.path()));
    Blob ambiguous = l.blob(MANIFEST, json.substring(0, json.length() - 1) + ",\"manifests\":[]}");
    l.index(ambiguous.descriptor());
    assertOnly(validate(), "image.manifest.no-manifests", Severity.ERROR, ambiguous.path());
  }

  @Test
  void emptyConfigNeedsArtifactType() throws IOException {
    TestLayout l = layout();
    Blob empty = l.blob(EMPTY, "{}");
    Blob m =
        l.blob(
            MANIFEST,
            "{\"schemaVersion\":2,\"config\":"
                + empty.descriptor()
                + ",\"layers\":["
                + empty.descriptor()
                + "]}");
    l.index(m.descriptor());
    assertOnly(
        validate(),
        "image.manifest.artifact-type.required",
        Severity.ERROR,
        "config.mediaType=" + EMPTY);
  }

  @Test
  void emptyMediaTypeMustHoldBraces() throws IOException {
    TestLayout l = layout();
    Blob notEmpty = l.blob(EMPTY, "{ }");
    Blob m =
        l.blob(
            MANIFEST,
            "{\"schemaVersion\":2,\"artifactType\":\"a/b\",\"config\":"
                + notEmpty.descriptor()
                + ",\"layers\":["
                + l.blob(EMPTY, "{}").descriptor()
                + "]}");
    l.index(m.descriptor());
    assertOnly(validate(), "image.empty.content", Severity.ERROR, "holds \"{ }\", not {}");
  }

  @Test
  void embeddedDataMustMatch() throws IOException {
    TestLayout l = layout();
    Blob empty = l.blob(EMPTY, "{}");
    Blob m =
        l.blob(
            MANIFEST,
            "{\"schemaVersion\":2,\"artifactType\":\"a/b\",\"config\":"
                + empty.descriptor(",\"data\":\"W10=\"")
                + ",\"layers\":["
                + l.blob(EMPTY, "{}").descriptor()
                + "]}");
    l.index(m.descriptor());
    assertOnly(
        validate(),
        "image.descriptor.data.matches",
        Severity.ERROR,
        "config.data decodes to 2 bytes hashing to " + Digest.compute(l.algorithm, "[]".getBytes()),
        ".digest=" + empty.digest());
  }

  @Test
  void diffIdCountAndValue() throws IOException {
    TestLayout l = layout();
    byte[] tar = TestLayout.tar("a");
    Blob layer = l.blob(TAR, tar);
    Digest wrong = Digest.compute(l.algorithm, "other".getBytes());
    Blob config = l.config(List.of(wrong));
    l.index(l.manifest(config, List.of(layer), "").descriptor());
    Finding f =
        assertOnly(
            validate(),
            "image.layer.diff-id",
            Severity.ERROR,
            "rootfs.diff_ids[0]=" + wrong,
            "hashing to " + Digest.compute(l.algorithm, tar));
    assertEquals("/rootfs/diff_ids/0", f.location().pointer());
    assertEquals(dir + "/" + config.path(), f.location().file());

    Blob two = l.config(List.of(Digest.compute(l.algorithm, tar), wrong));
    l.index(l.manifest(two, List.of(layer), "").descriptor());
    assertOnly(
        validate(),
        "image.config.diff-ids.count",
        Severity.ERROR,
        "rootfs.diff_ids has 2 entries but manifest",
        "layers has 1");
  }

  @Test
  void platformOfIndexEntryMatchesConfig() throws IOException {
    TestLayout l = layout();
    Blob image = l.image("a");
    l.index(image.descriptor(",\"platform\":{\"os\":\"linux\",\"architecture\":\"arm64\"}"));
    assertOnly(
        validate(),
        "image.index.platform.matches",
        Severity.WARNING,
        "index.json manifests[0].platform.architecture=arm64 but config",
        "architecture=amd64");
  }

  @Test
  void layerLintInOnePass() throws IOException {
    TestLayout l = layout();
    byte[] tar = TestLayout.tar("a", "./a", "b/.wh.", "../evil", "/abs");
    Blob layer = l.blob(TAR_GZIP, TestLayout.gzip(tar));
    l.index(
        l.manifest(l.config(List.of(Digest.compute(l.algorithm, tar))), List.of(layer), "")
            .descriptor());
    ValidationResult r = validate();
    List<String> rules = r.findings().stream().map(Finding::ruleId).sorted().toList();
    assertEquals(
        List.of(
            "image.layer.entry.safe-name",
            "image.layer.entry.safe-name",
            "image.layer.entry.unique",
            "image.layer.whiteout.named"),
        rules,
        Findings.render(r));
    assertEquals(1, r.errorCount(), "duplicates are a MUST NOT; the rest is advice");
  }

  @Test
  void corruptLayerIsNotATar() throws IOException {
    TestLayout l = layout();
    Blob layer = l.blob(TAR_GZIP, "not gzip at all".getBytes());
    l.index(l.manifest(l.config(List.of()), List.of(layer), "").descriptor());
    ValidationResult r = validate();
    List<String> rules = r.findings().stream().map(Finding::ruleId).sorted().toList();
    assertEquals(
        List.of("image.config.diff-ids.count", "image.layer.format"), rules, Findings.render(r));
  }

  @Test
  void layoutFilesAndBlobNames() throws IOException {
    TestLayout l = layout();
    l.image("a");
    Files.writeString(dir.resolve("README"), "extra files at the root are fine");
    Files.writeString(dir.resolve("blobs/sha256/NOTHEX"), "x");
    Files.createDirectories(dir.resolve("blobs/Bad_Alg"));
    Files.writeString(dir.resolve("blobs/Bad_Alg/x"), "x");
    Files.writeString(dir.resolve("blobs/stray"), "x");
    ValidationResult r = validate();
    assertEquals(
        List.of(dir + "/blobs/Bad_Alg", dir + "/blobs/sha256/NOTHEX", dir + "/blobs/stray"),
        r.findings().stream()
            .peek(f -> assertEquals("image.layout.blob.name", f.ruleId()))
            .map(f -> f.location().file())
            .toList(),
        Findings.render(r));

    Files.delete(dir.resolve("oci-layout"));
    Files.delete(dir.resolve("README"));
    Files.delete(dir.resolve("blobs/sha256/NOTHEX"));
    Files.delete(dir.resolve("blobs/stray"));
    Files.delete(dir.resolve("blobs/Bad_Alg/x"));
    Files.delete(dir.resolve("blobs/Bad_Alg"));
    assertOnly(validate(), "image.layout.oci-layout.present", Severity.ERROR, "no oci-layout");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    assertOnly(validate(), "image.layout.oci-layout.version", Severity.WARNING, "2.0.0");
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.delete(dir.resolve("index.json"));
    assertOnly(validate(), "image.layout.index.present", Severity.ERROR, "no index.json");
  }

  @Test
  void unknownMediaTypesAndAlgorithmsAreNotErrors() throws IOException {
    TestLayout l = layout();
    Blob thing = l.blob("application/vnd.example.thing", "anything");
    Files.createDirectories(dir.resolve("blobs/md5x"));
    Files.writeString(dir.resolve("blobs/md5x/abc"), "xyz");
    l.index(
        thing.descriptor(),
        "{\"mediaType\":\"application/octet-stream\",\"digest\":\"md5x:abc\",\"size\":3}");
    assertOnly(validate(), "image.digest.verifiable", Severity.WARNING, "md5x:abc");
  }
}
