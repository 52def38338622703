package dev.ocikit.image.verify;

import static dev.ocikit.image.verify.Findings.assertOnly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.Severity;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import dev.ocikit.spec.image.Descriptor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer written by {@code umoci insert} before umoci 0.5.0, whose tar writer was never closed:
 * every entry is complete but the end-of-archive marker (and the last entry's padding) is missing.
 * Validation names that ({@code image.layer.end-of-archive}); unpacking accepts the layer, as
 * umoci, bsdtar and Go's archive/tar do, with a one-line warning.
 */
class EndOfArchiveTest {
  @TempDir Path dir;

  /** The layout {@code img:t} with one inserted file, or a skip when umoci closes its writer. */
  private Path umociInsertImage() throws IOException, InterruptedException {
    Assumptions.assumeTrue(
        RealImages.available("umoci"), "needs umoci (Debian package umoci) to write the layer");
    RealImages.sh(
        dir,
        String.join(
            "\n",
            "umoci init --layout img && umoci new --image img:t",
            "mkdir -p src && echo hello > src/hello",
            "umoci insert --image img:t src/hello /etc/hello"));
    Path img = dir.resolve("img");
    byte[] tar = layerTar(img);
    Assumptions.assumeFalse(
        tar.length >= 1024
            && Arrays.equals(
                Arrays.copyOfRange(tar, tar.length - 1024, tar.length), new byte[1024]),
        "this umoci closes its tar writer (0.5.0 or later): the layer has its end marker");
    return img;
  }

  private static byte[] layerTar(Path img) throws IOException {
    List<Descriptor> blobs = RealImages.referenced(img);
    Descriptor layer = blobs.get(blobs.size() - 1);
    try (InputStream in = new GZIPInputStream(Files.newInputStream(RealImages.blob(img, layer)))) {
      return in.readAllBytes();
    }
  }

  @Test
  void validationNamesTheMissingEndMarker() throws Exception {
    Path img = umociInsertImage();
    Finding f =
        assertOnly(
            ImageValidator.validate(img),
            "image.layer.end-of-archive",
            Severity.ERROR,
            "the tar stream ends after its last entry without the end-of-archive marker",
            "every entry is complete");
    assertTrue(f.message().startsWith("manifest sha256:"), f.message());
  }

  @Test
  void unpackAcceptsItWithOneWarning() throws Exception {
    Path img = umociInsertImage();
    UnpackedImage u = Unpacker.unpack(img, "t", dir.resolve("out"), UnpackOptions.defaults());
    assertEquals("hello\n", Files.readString(u.rootfs().resolve("etc/hello")));
    List<String> warned = u.warnings().stream().filter(w -> w.contains("end-of-archive")).toList();
    assertEquals(1, warned.size(), () -> String.join("\n", u.warnings()));
    assertTrue(warned.get(0).contains("every entry was complete"), warned.get(0));
  }
}
