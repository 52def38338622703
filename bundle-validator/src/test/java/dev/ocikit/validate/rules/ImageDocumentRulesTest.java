package dev.ocikit.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ocikit.check.Finding;
import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.validate.DocumentValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Image-spec document rules on documents validated on their own, as {@code oci-validate --type
 * image-descriptor FILE} does: every place a descriptor appears is checked by the one rule, and the
 * message names both compared values.
 */
class ImageDocumentRulesTest {
  private static final String EMPTY = "application/vnd.oci.empty.v1+json";
  private static final Digest EMPTY_DIGEST =
      Digest.compute(DigestAlgorithm.SHA256, "{}".getBytes(StandardCharsets.UTF_8));
  private static final Digest BRACKETS =
      Digest.compute(DigestAlgorithm.SHA256, "[]".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  /** Every finding as {@code ruleId pointer: message}. */
  private List<String> validate(String json, DocumentType type) throws IOException {
    Path file = dir.resolve("doc.json");
    Files.writeString(file, json);
    return new DocumentValidator(RuleFixtures.ALL_LEVELS)
        .validate(file, type).findings().stream()
            .map((Finding f) -> f.ruleId() + " " + f.location().pointer() + ": " + f.message())
            .toList();
  }

  private static String descriptor(String data, long size) {
    return "{\"mediaType\":\""
        + EMPTY
        + "\",\"digest\":\""
        + EMPTY_DIGEST
        + "\",\"size\":"
        + size
        + (data == null ? "" : ",\"data\":\"" + data + "\"")
        + "}";
  }

  @Test
  void descriptorDocumentAlone() throws IOException {
    assertEquals(List.of(), validate(descriptor("e30=", 2), DocumentType.IMAGE_DESCRIPTOR));
    assertEquals(
        List.of(
            "image.descriptor.data.matches /data: descriptor.data decodes to 2 bytes hashing to "
                + BRACKETS
                + " but descriptor.size=2 and .digest="
                + EMPTY_DIGEST),
        validate(descriptor("W10=", 2), DocumentType.IMAGE_DESCRIPTOR));
  }

  @Test
  void sizeAloneCanMismatch() throws IOException {
    assertEquals(
        List.of(
            "image.descriptor.data.matches /data: descriptor.data decodes to 2 bytes hashing to "
                + EMPTY_DIGEST
                + " but descriptor.size=3 and .digest="
                + EMPTY_DIGEST),
        validate(descriptor("e30=", 3), null)); // detected as a descriptor
  }

  @Test
  void everyDescriptorOfAManifest() throws IOException {
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"artifactType\":\"application/vnd.example\",\"config\":"
            + descriptor("W10=", 2)
            + ",\"layers\":["
            + descriptor("e30=", 2)
            + ","
            + descriptor("W10=", 2)
            + "],\"subject\":"
            + descriptor("W10=", 2)
            + "}";
    List<String> got = validate(manifest, DocumentType.IMAGE_MANIFEST);
    assertEquals(
        List.of(
            "image.descriptor.data.matches /config/data: config.data decodes to",
            "image.descriptor.data.matches /layers/1/data: layers[1].data decodes to",
            "image.descriptor.data.matches /subject/data: subject.data decodes to"),
        got.stream().map(s -> s.substring(0, s.indexOf(" decodes to") + 11)).toList(),
        String.join("\n", got));
  }

  @Test
  void everyDescriptorOfAnIndex() throws IOException {
    String index =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"manifests\":["
            + descriptor(null, 2)
            + ","
            + descriptor("W10=", 2)
            + "]}";
    assertEquals(
        List.of(
            "image.descriptor.data.matches /manifests/1/data: manifests[1].data decodes to 2"
                + " bytes hashing to "
                + BRACKETS
                + " but manifests[1].size=2 and .digest="
                + EMPTY_DIGEST),
        validate(index, DocumentType.IMAGE_INDEX));
  }

  @Test
  void unverifiableAlgorithmChecksTheSizeOnly() throws IOException {
    String json =
        "{\"mediaType\":\"" + EMPTY + "\",\"digest\":\"md5x:abc\",\"size\":%d,\"data\":\"e30=\"}";
    assertEquals(List.of(), validate(json.formatted(2), DocumentType.IMAGE_DESCRIPTOR));
    assertEquals(
        List.of(
            "image.descriptor.data.matches /data: descriptor.data decodes to 2 bytes but"
                + " descriptor.size=5 and .digest=md5x:abc"),
        validate(json.formatted(5), DocumentType.IMAGE_DESCRIPTOR));
  }

  @Test
  void envEntriesWithoutANameAndEquals() throws IOException {
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":[]},\"config\":{\"Env\":[\"A=1\",\"B=\",\"C.d=x\",\"DEBUG\",\"=x\"]}}";
    assertEquals(
        List.of(
            "image.config.env.form /config/Env/3: config.Env[3]=\"DEBUG\" has no '=' (expected"
                + " KEY=value)",
            "image.config.env.form /config/Env/4: config.Env[4]=\"=x\" has an empty key (expected"
                + " KEY=value)"),
        validate(config, DocumentType.IMAGE_CONFIG));
  }
}
