package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.BundleCreator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.BundleResult;
import dev.ocikit.image.ConversionException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bundle is all or nothing: the config is converted from the unpacked tree before either is
 * published, so a conversion failure leaves neither {@code rootfs} nor {@code config.json}, and a
 * success leaves exactly the two.
 */
class BundleAtomicityTest {
  @TempDir Path tmp;

  private Path image(String execConfig) throws IOException {
    LayoutWriter w = new LayoutWriter(tmp.resolve("img"));
    w.writeIndex(w.image("linux", "amd64", "content", execConfig, LayoutWriter.refName("v1")));
    return w.dir;
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void conversionFailureLeavesNothing() throws IOException {
    Path image = image("{\"Cmd\":[\"/bin/sh\"],\"User\":\"nosuchuser\"}");
    Path dest = tmp.resolve("bundle");
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> BundleCreator.create(image, "v1", dest, BundleOptions.defaults()));
    assertTrue(e.getMessage().contains("nosuchuser"), e.getMessage());
    assertEquals(List.of(), list(dest));
  }

  @Test
  void successLeavesRootfsAndConfig() throws IOException {
    Path dest = tmp.resolve("bundle");
    BundleResult r =
        BundleCreator.create(
            image("{\"Cmd\":[\"/bin/sh\"]}"), "v1", dest, BundleOptions.defaults());
    assertEquals(List.of("config.json", "rootfs"), list(dest));
    assertEquals("content", Files.readString(dest.resolve("rootfs/marker")));
    assertTrue(Files.readString(dest.resolve("config.json")).contains("\"/bin/sh\""));
    assertEquals(List.of("/bin/sh"), r.config().process().args());
  }
}
