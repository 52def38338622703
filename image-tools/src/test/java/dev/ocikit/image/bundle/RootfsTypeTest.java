package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.BundleCreator;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import dev.ocikit.image.UnsupportedImageException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * config.md: {@code rootfs.type} must be {@code layers}, and unpacking an image with another value
 * must fail. Both {@code unpack} and {@code bundle} refuse before touching the destination.
 */
class RootfsTypeTest {
  private static final String EXEC = "{\"Cmd\":[\"/bin/sh\"]}";
  @TempDir Path tmp;

  private LayoutWriter image(String rootfsType) throws Exception {
    LayoutWriter w = new LayoutWriter(tmp.resolve("img"));
    w.rootfsType = rootfsType;
    w.writeIndex(w.image("linux", "amd64", "content", EXEC, LayoutWriter.refName("v1")));
    return w;
  }

  @ParameterizedTest(name = "rootfs.type \"{0}\"")
  @ValueSource(strings = {"zfs", "Layers", "layers ", ""})
  void unknownTypeFailsUnpackAndBundleAndLeavesNothing(String type) throws Exception {
    LayoutWriter w = image(type);
    Path out = tmp.resolve("out");
    UnsupportedImageException e =
        assertThrows(
            UnsupportedImageException.class,
            () -> Unpacker.unpack(w.dir, "v1", out, UnpackOptions.defaults()));
    assertTrue(e.getMessage().startsWith("manifest sha256:"), e.getMessage());
    assertTrue(
        e.getMessage()
            .endsWith(
                " config rootfs.type is \""
                    + type
                    + "\": image-spec config.md allows only \"layers\" and requires unpacking"
                    + " to fail on any other value"),
        e.getMessage());
    assertFalse(Files.exists(out));
    assertThrows(
        UnsupportedImageException.class,
        () -> BundleCreator.create(w.dir, "v1", out, BundleOptions.defaults()));
    assertFalse(Files.exists(out));
  }

  @Test
  void missingTypeIsRefusedToo() throws Exception {
    LayoutWriter w = image(null);
    UnsupportedImageException e =
        assertThrows(
            UnsupportedImageException.class,
            () -> Unpacker.unpack(w.dir, "v1", tmp.resolve("out"), UnpackOptions.defaults()));
    assertTrue(
        e.getMessage()
            .endsWith(
                " config rootfs.type is missing: image-spec config.md"
                    + " requires it, set to \"layers\""),
        e.getMessage());
  }

  @Test
  void layersIsUnpacked() throws Exception {
    LayoutWriter w = image("layers");
    UnpackedImage u = Unpacker.unpack(w.dir, "v1", tmp.resolve("out"), UnpackOptions.defaults());
    assertEquals("content", Files.readString(u.rootfs().resolve("marker")));
  }
}
