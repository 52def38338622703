package dev.ocikit.spec.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.DocumentType;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.runtime.Features;
import dev.ocikit.spec.runtime.State;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** DocumentType: detection from content, ids, and binding to the model type. */
class DocumentTypeTest extends ModelTestSupport {
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "runtime-config|{\"ociVersion\": \"1.3.0\", \"root\": {\"path\": \"rootfs\"}}",
        "runtime-state|{\"ociVersion\": \"1.3.0\", \"id\": \"c\", \"status\": \"created\","
            + " \"bundle\": \"/b\"}",
        "runtime-features|{\"ociVersionMin\": \"1.0.0\", \"ociVersionMax\": \"1.3.0\"}",
        "image-descriptor|{\"mediaType\": \"application/vnd.oci.image.layer.v1.tar\","
            + " \"digest\": \"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
            + " \"size\": 0}",
        "image-manifest|{\"schemaVersion\": 2, \"mediaType\":"
            + " \"application/vnd.oci.image.manifest.v1+json\", \"config\": {}, \"layers\": []}",
        "image-index|{\"schemaVersion\": 2, \"mediaType\":"
            + " \"application/vnd.oci.image.index.v1+json\", \"manifests\": []}",
        "image-config|{\"architecture\": \"amd64\", \"os\": \"linux\","
            + " \"rootfs\": {\"type\": \"layers\", \"diff_ids\": []}}",
        "image-layout|{\"imageLayoutVersion\": \"1.0.0\"}",
        // Without mediaType, the shape decides.
        "image-manifest|{\"schemaVersion\": 2, \"config\": {}, \"layers\": []}",
        "image-index|{\"schemaVersion\": 2, \"manifests\": []}",
        // A descriptor of a manifest carries the manifest media type but is a descriptor.
        "image-descriptor|{\"mediaType\": \"application/vnd.oci.image.manifest.v1+json\","
            + " \"digest\": \"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\","
            + " \"size\": 2}",
        // The media type wins over a misleading shape.
        "image-index|{\"schemaVersion\": 2, \"mediaType\":"
            + " \"application/vnd.oci.image.index.v1+json\", \"layers\": []}",
      })
  void detectsEachDocumentType(String id, String text) {
    DocumentType expected = DocumentType.byId(id).orElseThrow();
    JsonNode root = json(text);
    assertEquals(Optional.of(expected), DocumentType.detect(root));
    ModelObject bound = expected.bind(root);
    assertRoundTrips(root, bound);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{}",
        "[]",
        "\"config\"",
        "null",
        "42",
        "{\"foo\": 1}",
        "{\"schemaVersion\": 2}",
        "{\"mediaType\": \"application/vnd.example+json\"}",
        "{\"digest\": \"sha256:00\"}",
        "{\"architecture\": \"amd64\"}",
      })
  void unknownInputIsNotGuessed(String text) {
    assertEquals(Optional.empty(), DocumentType.detect(json(text)));
  }

  @Test
  void nullTreeIsNotGuessed() {
    assertEquals(Optional.empty(), DocumentType.detect(null));
  }

  @Test
  void everyTypeHasAUniqueIdFoundCaseInsensitively() {
    for (DocumentType t : DocumentType.values()) {
      assertEquals(Optional.of(t), DocumentType.byId(t.id().toUpperCase(java.util.Locale.ROOT)));
      assertTrue(t.schemaResource().startsWith("schemas/"), t.schemaResource());
      assertTrue(
          DocumentTypeTest.class.getClassLoader().getResource(t.schemaResource()) != null,
          "schema on the classpath: " + t.schemaResource());
      assertTrue(t.specUrl().contains("/v1.3.0/") || t.specUrl().contains("/v1.1.1/"));
    }
    assertEquals(Optional.empty(), DocumentType.byId("runtime"));
  }

  @Test
  void bindGivesTheModelTypeOfTheDocument() {
    assertTrue(DocumentType.RUNTIME_STATE.bind(json("{}")) instanceof State);
    assertTrue(DocumentType.RUNTIME_FEATURES.bind(json("{}")) instanceof Features);
    assertTrue(DocumentType.IMAGE_CONFIG.bind(json("{}")) instanceof ImageConfig);
  }
}
