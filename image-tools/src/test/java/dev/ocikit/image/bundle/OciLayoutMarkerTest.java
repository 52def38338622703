package dev.ocikit.image.bundle;

import static dev.ocikit.image.bundle.LayoutWriter.platform;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Location;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.Unpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Unpacking refuses the {@code oci-layout} files validation reports as errors, in the same words,
 * and accepts those validation only warns about.
 */
class OciLayoutMarkerTest {
  @TempDir Path tmp;

  private Path layout(Path dir, String marker) throws IOException {
    LayoutWriter w = new LayoutWriter(dir.resolve("img"));
    w.writeIndex(
        w.image("linux", "amd64", "m", "{\"Cmd\":[\"/x\"]}", platform("linux", "amd64", null)));
    Files.writeString(w.dir.resolve("oci-layout"), marker);
    return w.dir;
  }

  private static IOException unpackFails(Path image, Path dest) {
    return assertThrows(
        IOException.class, () -> Unpacker.unpack(image, null, dest, UnpackOptions.defaults()));
  }

  @ParameterizedTest(name = "oci-layout {0}")
  @ValueSource(
      strings = {
        "garbage",
        "{\"imageLayoutVersion\":1}",
        "{}",
        "[\"1.0.0\"]",
        "{\"imageLayoutVersion\":\"1.0.0\",\"imageLayoutVersion\":\"1.0.0\"}",
        "\ufeff{\"imageLayoutVersion\":\"1.0.0\"}"
      })
  void whatValidationRefusesUnpackingRefusesInTheSameWords(String marker) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "marker");
    Path image = layout(dir, marker);
    List<Finding> errors =
        ImageValidator.validate(image).findings().stream().filter(Finding::isError).toList();
    assertEquals(1, errors.size(), errors.toString());
    Finding f = errors.get(0);
    assertEquals(image + "/oci-layout", f.location().file());
    IOException e = unpackFails(image, dir.resolve("out"));
    // unpacking names the file inside the image it names first
    Location inside =
        new Location(
            "oci-layout", f.location().pointer(), f.location().line(), f.location().column());
    assertEquals(image + ": " + inside + ": " + f.message(), e.getMessage());
    assertFalse(Files.exists(dir.resolve("out/rootfs")));
  }

  @ParameterizedTest(name = "oci-layout {0}")
  @ValueSource(
      strings = {
        "{\"imageLayoutVersion\":\"2.0.0\"}",
        "{\"imageLayoutVersion\":\"1.1.0\",\"x\":1}"
      })
  void whatValidationOnlyWarnsAboutUnpacks(String marker) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "marker");
    Path image = layout(dir, marker);
    assertTrue(ImageValidator.validate(image).valid());
    Unpacker.unpack(image, null, dir.resolve("out"), UnpackOptions.defaults());
    assertEquals("m", Files.readString(dir.resolve("out/rootfs/marker")));
  }
}
