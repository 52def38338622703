package dev.ocikit.spec.mediatype;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

@SuppressWarnings("deprecation") // the non-distributable layer constants are tested on purpose
class MediaTypeTest {

  static Stream<Arguments> ociConstants() {
    return Stream.of(
        Arguments.of(MediaType.DESCRIPTOR, "application/vnd.oci.descriptor.v1+json"),
        Arguments.of(MediaType.LAYOUT_HEADER, "application/vnd.oci.layout.header.v1+json"),
        Arguments.of(MediaType.IMAGE_INDEX, "application/vnd.oci.image.index.v1+json"),
        Arguments.of(MediaType.IMAGE_MANIFEST, "application/vnd.oci.image.manifest.v1+json"),
        Arguments.of(MediaType.IMAGE_CONFIG, "application/vnd.oci.image.config.v1+json"),
        Arguments.of(MediaType.LAYER_TAR, "application/vnd.oci.image.layer.v1.tar"),
        Arguments.of(MediaType.LAYER_TAR_GZIP, "application/vnd.oci.image.layer.v1.tar+gzip"),
        Arguments.of(MediaType.LAYER_TAR_ZSTD, "application/vnd.oci.image.layer.v1.tar+zstd"),
        Arguments.of(
            MediaType.LAYER_NONDISTRIBUTABLE_TAR,
            "application/vnd.oci.image.layer.nondistributable.v1.tar"),
        Arguments.of(
            MediaType.LAYER_NONDISTRIBUTABLE_TAR_GZIP,
            "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip"),
        Arguments.of(
            MediaType.LAYER_NONDISTRIBUTABLE_TAR_ZSTD,
            "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd"),
        Arguments.of(MediaType.EMPTY_JSON, "application/vnd.oci.empty.v1+json"));
  }

  @ParameterizedTest
  @MethodSource("ociConstants")
  void constantsHaveTheSpecStrings(MediaType constant, String text) {
    assertEquals(text, constant.toString());
    assertEquals(constant, MediaType.parse(text));
    assertEquals(Map.of(), constant.parameters());
  }

  @Test
  void partsAreSplit() {
    MediaType type = MediaType.parse("application/vnd.oci.image.layer.v1.tar+gzip");
    assertEquals("application", type.type());
    assertEquals("vnd.oci.image.layer.v1.tar+gzip", type.subtype());
    assertEquals(Optional.of("gzip"), type.suffix());
    assertEquals("application/vnd.oci.image.layer.v1.tar+gzip", type.essence());
    assertEquals(Optional.empty(), MediaType.LAYER_TAR.suffix());
    assertEquals(Optional.of("json"), MediaType.parse("a/b+c+json").suffix());
  }

  @Test
  void parametersAreKeptInOrderWithValuesVerbatim() {
    MediaType type =
        MediaType.parse("text/plain; Charset=UTF-8;format=flowed ;x=\"a \\\"b\\\";c\"");
    assertEquals(List.of("charset", "format", "x"), List.copyOf(type.parameters().keySet()));
    assertEquals("UTF-8", type.parameters().get("charset"));
    assertEquals("a \"b\";c", type.parameters().get("x"));
    assertEquals("text/plain;charset=UTF-8;format=flowed;x=\"a \\\"b\\\";c\"", type.toString());
    assertEquals(type, MediaType.parse(type.toString()));
    assertThrows(UnsupportedOperationException.class, () -> type.parameters().put("y", "z"));
  }

  @Test
  void namesAreCaseInsensitiveValuesAreNot() {
    MediaType upper = MediaType.parse("Application/VND.OCI.Image.Manifest.v1+JSON");
    assertEquals(MediaType.IMAGE_MANIFEST, upper);
    assertEquals(MediaType.IMAGE_MANIFEST.hashCode(), upper.hashCode());
    assertEquals("application/vnd.oci.image.manifest.v1+json", upper.toString());
    assertEquals(MediaType.parse("a/b;x=1;y=2"), MediaType.parse("a/b;y=2;x=1"));
    assertNotEquals(MediaType.parse("a/b;x=A"), MediaType.parse("a/b;x=a"));
    assertNotEquals(MediaType.parse("a/b"), MediaType.parse("a/b;x=a"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "application/json",
        "a/b",
        "0/9",
        "application/vnd.a!#$&-^_.+b",
        "text/plain;charset=utf-8",
        "text/plain; charset=\"\"",
        "text/plain;\tq=\"tab\there\""
      })
  void wellFormedMediaTypesParse(String text) {
    assertTrue(MediaType.tryParse(text).isPresent(), text);
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        Arguments.of("", "type must start with a letter or digit at index 0"),
        Arguments.of("application", "expected '/' after the type at index 11"),
        Arguments.of("application/", "subtype must start with a letter or digit at index 12"),
        Arguments.of("/json", "type must start"),
        Arguments.of(".app/json", "type must start"),
        Arguments.of("app/-x", "subtype must start"),
        Arguments.of("application/json/x", "expected ';' before a parameter at index 16"),
        Arguments.of("application/ json", "subtype must start"),
        Arguments.of(" application/json", "type must start"),
        Arguments.of("application/json ", "expected ';' before a parameter at index 17"),
        Arguments.of("application/js on", "expected ';'"),
        Arguments.of("application/json\n", "expected ';'"),
        Arguments.of("application/json;", "parameter name must start"),
        Arguments.of("application/json;charset", "expected '=' after parameter charset"),
        Arguments.of("application/json;charset=", "parameter value is empty"),
        Arguments.of("application/json;charset=a b", "expected ';'"),
        Arguments.of("application/json;a=1;A=2", "parameter a appears twice"),
        Arguments.of("a/b;c=\"unterminated", "unterminated quoted parameter value"),
        Arguments.of("a/b;c=\"bell\u0007\"", "control character"),
        Arguments.of("a/" + "b".repeat(128), "subtype is longer than 127 characters"),
        Arguments.of("t".repeat(128) + "/b", "type is longer than 127 characters"),
        Arguments.of("application/jsön", "expected ';'"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void malformedMediaTypesNameTheInputAndTheRule(String text, String detail) {
    InvalidMediaTypeException e =
        assertThrows(InvalidMediaTypeException.class, () -> MediaType.parse(text));
    assertEquals(text, e.input());
    assertTrue(e.getMessage().contains(detail), e.getMessage());
    assertEquals(Optional.empty(), MediaType.tryParse(text));
  }

  @Test
  void namesUpTo127CharactersAreAllowed() {
    String longest = "t".repeat(127) + "/" + "s".repeat(127);
    assertEquals(longest, MediaType.parse(longest).toString());
  }

  @Test
  void messagesEscapeControlCharacters() {
    InvalidMediaTypeException e =
        assertThrows(InvalidMediaTypeException.class, () -> MediaType.parse("a/b\u001b[2J"));
    assertTrue(e.getMessage().startsWith("invalid media type \"a/b\\u001b[2J\": "), e.getMessage());
    assertEquals(Optional.empty(), MediaType.tryParse(null));
  }

  @Test
  void ociLayersAreRecognized() {
    List<MediaType> layers =
        List.of(
            MediaType.LAYER_TAR,
            MediaType.LAYER_TAR_GZIP,
            MediaType.LAYER_TAR_ZSTD,
            MediaType.LAYER_NONDISTRIBUTABLE_TAR,
            MediaType.LAYER_NONDISTRIBUTABLE_TAR_GZIP,
            MediaType.LAYER_NONDISTRIBUTABLE_TAR_ZSTD,
            MediaType.parse("application/vnd.oci.image.layer.v1.tar+gzip; x=y"));
    for (MediaType layer : layers) {
      assertTrue(layer.isOciLayer(), layer.toString());
      assertFalse(layer.isManifest() || layer.isIndex(), layer.toString());
    }
    for (MediaType other :
        List.of(
            MediaType.IMAGE_CONFIG,
            MediaType.IMAGE_MANIFEST,
            MediaType.EMPTY_JSON,
            MediaType.parse("application/vnd.docker.image.rootfs.diff.tar.gzip"),
            MediaType.parse("application/vnd.oci.image.layer.v1.tar+bzip2"))) {
      assertFalse(other.isOciLayer(), other.toString());
    }
  }

  static Stream<Arguments> compressions() {
    return Stream.of(
        Arguments.of(MediaType.LAYER_TAR, Compression.NONE),
        Arguments.of(MediaType.LAYER_TAR_GZIP, Compression.GZIP),
        Arguments.of(MediaType.LAYER_TAR_ZSTD, Compression.ZSTD),
        Arguments.of(MediaType.LAYER_NONDISTRIBUTABLE_TAR, Compression.NONE),
        Arguments.of(MediaType.LAYER_NONDISTRIBUTABLE_TAR_GZIP, Compression.GZIP),
        Arguments.of(MediaType.LAYER_NONDISTRIBUTABLE_TAR_ZSTD, Compression.ZSTD),
        Arguments.of(
            MediaType.parse("application/vnd.docker.image.rootfs.diff.tar.gzip"), Compression.GZIP),
        Arguments.of(
            MediaType.parse("application/vnd.oci.image.layer.v1.tar+bzip2"), Compression.UNKNOWN),
        Arguments.of(MediaType.IMAGE_MANIFEST, Compression.UNKNOWN),
        Arguments.of(MediaType.EMPTY_JSON, Compression.UNKNOWN),
        Arguments.of(MediaType.parse("application/octet-stream"), Compression.UNKNOWN));
  }

  @ParameterizedTest
  @MethodSource("compressions")
  void compressionFollowsTheSuffix(MediaType type, Compression expected) {
    assertEquals(expected, type.compression(), type.toString());
  }

  @Test
  void manifestAndIndexAreRecognizedIgnoringParameters() {
    assertTrue(MediaType.IMAGE_MANIFEST.isManifest());
    assertTrue(MediaType.parse("application/vnd.oci.image.manifest.v1+json; a=b").isManifest());
    assertFalse(MediaType.IMAGE_MANIFEST.isIndex());
    assertTrue(MediaType.IMAGE_INDEX.isIndex());
    assertFalse(MediaType.IMAGE_INDEX.isManifest());
    assertFalse(
        MediaType.parse("application/vnd.docker.distribution.manifest.v2+json").isManifest());
    assertFalse(MediaType.DESCRIPTOR.isManifest() || MediaType.DESCRIPTOR.isIndex());
  }
}
