package dev.ocikit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.ImageReference.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ImageReferenceTest {
  private static final String DIGEST =
      "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir Path tmp;

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      nullValues = "-",
      value = {
        "oci:./layout:v1, oci, ./layout, LAYOUT_DIRECTORY, v1",
        "oci:layout, oci, layout, LAYOUT_DIRECTORY, -",
        // an empty REF is no REF, as containers/image reads it
        "oci:layout:, oci, layout, LAYOUT_DIRECTORY, -",
        "oci-archive:img.tar:latest, oci-archive, img.tar, ARCHIVE, latest",
        "oci-archive:/abs/img.tar, oci-archive, /abs/img.tar, ARCHIVE, -",
        // the first ':' after the transport ends the path; the REF may hold ':'
        "oci:a:b:c, oci, a, LAYOUT_DIRECTORY, b:c",
        "oci:dir:example.com/repo/app:1.0, oci, dir, LAYOUT_DIRECTORY, example.com/repo/app:1.0",
        "oci:dir:a--b+c@d_e.f, oci, dir, LAYOUT_DIRECTORY, a--b+c@d_e.f",
        "oci:dir:" + DIGEST + ", oci, dir, LAYOUT_DIRECTORY, " + DIGEST,
      })
  void transportForms(String text, String transport, String path, Kind kind, String ref) {
    ImageReference r = ImageReference.parse(text);
    assertEquals(new ImageReference(transport, Path.of(path), kind, ref), r);
    assertTrue(ImageReference.hasTransport(text));
    assertEquals(ref != null, r.refName().isPresent());
    assertEquals(ref != null && ref.startsWith("@"), r.byDigest());
    // the canonical text parses back to the same reference
    assertEquals(r, ImageReference.parse(r.toString()));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "oci:|oci: must be followed by a path",
        "oci::v1|oci: must be followed by a path",
        "oci-archive:|oci-archive: must be followed by a path",
        "oci:dir:Bad Name|reference 'Bad Name' is not a ref.name",
        "oci:dir:-v1|reference '-v1' is not a ref.name",
        "oci:dir:v1/|reference 'v1/' is not a ref.name",
        "oci:dir:a..b|reference 'a..b' is not a ref.name",
        "oci:dir:@0|a reference starting with @ must be a digest",
        "oci:dir:@sha256:abc|a reference starting with @ must be a digest",
      })
  void badReferencesSayWhichRuleInOneLine(String text, String rule) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(text));
    assertTrue(e.getMessage().startsWith("image reference '" + text.split(":")[0]), e.getMessage());
    assertTrue(e.getMessage().contains(rule), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void emptyTextNamesNoImage() {
    assertThrows(IllegalArgumentException.class, () -> ImageReference.parse(""));
  }

  @Test
  void plainFormTakesTheLongestExistingPath() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("with:colon"));
    Path tar = Files.createFile(tmp.resolve("img.tar"));
    assertEquals(
        new ImageReference(null, dir, Kind.LAYOUT_DIRECTORY, null),
        ImageReference.parse(dir.toString()));
    assertEquals(
        new ImageReference(null, dir, Kind.LAYOUT_DIRECTORY, "v1"),
        ImageReference.parse(dir + ":v1"));
    assertEquals(
        new ImageReference(null, tar, Kind.ARCHIVE, DIGEST), ImageReference.parse(tar + DIGEST));
    assertEquals(
        new ImageReference(null, tar, Kind.ARCHIVE, DIGEST),
        ImageReference.parse(tar + ":" + DIGEST));
    // the plain form keeps any REF text: the layout decides whether it holds the name
    assertEquals("Odd Tag", ImageReference.parse(tar + ":Odd Tag").ref());
    assertEquals(tar + DIGEST, ImageReference.parse(tar + DIGEST).toString());
    ImageReference missing = ImageReference.parse(tmp.resolve("none:v1").toString());
    assertEquals(Kind.MISSING, missing.kind());
    assertNull(missing.ref());
    assertFalse(ImageReference.hasTransport(dir.toString()));
  }

  @Test
  void aPlainPathStartingLikeATransportIsWrittenWithDotSlash() throws Exception {
    Path cwdRelative = Path.of("./oci:x");
    ImageReference r = ImageReference.parse(cwdRelative.toString());
    assertNull(r.transport());
    assertEquals(cwdRelative, r.path());
  }

  @Test
  void kindMismatchSaysWhichTransportFits() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("layout"));
    Path tar = Files.createFile(tmp.resolve("img.tar"));
    assertNull(ImageReference.parse("oci:" + dir).kindMismatch());
    assertNull(ImageReference.parse("oci-archive:" + tar).kindMismatch());
    assertNull(ImageReference.parse("oci:" + tmp.resolve("absent")).kindMismatch());
    assertNull(ImageReference.parse(tar.toString()).kindMismatch());
    String file = ImageReference.parse("oci:" + tar + ":v1").kindMismatch();
    assertEquals(
        "image reference 'oci:"
            + tar
            + ":v1': oci: names a layout directory but "
            + tar
            + " is a file; use oci-archive:",
        file);
    String directory = ImageReference.parse("oci-archive:" + dir).kindMismatch();
    assertTrue(directory.endsWith(dir + " is a directory; use oci:"), directory);
  }
}
