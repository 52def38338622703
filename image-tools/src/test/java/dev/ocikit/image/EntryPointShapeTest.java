package dev.ocikit.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.testing.Checkout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The entry points taking an {@link ImageReference} do what the (path, ref) ones do, and refuse a
 * reference whose transport disagrees with the file system before touching the destination.
 */
class EntryPointShapeTest {
  private static final Path SAMPLE = Checkout.root().resolve("testdata/images/sample");
  private static final UnpackOptions ROOTLESS = UnpackOptions.defaults().withRootless(true);

  @TempDir Path tmp;

  @Test
  void unpackByReferenceSelectsTheNamedImage() throws IOException {
    UnpackedImage u =
        Unpacker.unpack(ImageReference.parse("oci:" + SAMPLE + ":sample"), tmp, ROOTLESS);
    assertEquals(tmp.resolve("rootfs"), u.rootfs());
    assertEquals("sample", u.image().refName());
    assertTrue(Files.isDirectory(u.rootfs()));
  }

  @Test
  void aReferenceNamingNoImageIsASelectionFailure() {
    ImageSelectionException e =
        assertThrows(
            ImageSelectionException.class,
            () -> Unpacker.unpack(ImageReference.parse("oci:" + SAMPLE + ":nope"), tmp, ROOTLESS));
    assertTrue(e.getMessage().contains("nope"), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("rootfs")));
  }

  @Test
  void aTransportThatDisagreesWithTheFileSystemIsRefusedFirst() {
    ImageReference archive = ImageReference.parse("oci-archive:" + SAMPLE);
    Path dest = tmp.resolve("dest");
    IOException u = assertThrows(IOException.class, () -> Unpacker.unpack(archive, dest, ROOTLESS));
    assertTrue(u.getMessage().contains("use oci:"), u.getMessage());
    assertThrows(
        IOException.class,
        () -> BundleCreator.create(archive, dest, BundleOptions.defaults().withUnpack(ROOTLESS)));
    assertThrows(
        IOException.class, () -> ImageValidator.validate(archive, ImageValidationOptions.DEFAULT));
    assertFalse(Files.exists(dest), "nothing was created");
  }

  @Test
  void validationByReferenceChecksTheReferenceToo() throws IOException {
    assertTrue(
        ImageValidator.validate(
                ImageReference.parse("oci:" + SAMPLE + ":sample"), ImageValidationOptions.DEFAULT)
            .valid());
    assertThrows(
        ImageSelectionException.class,
        () ->
            ImageValidator.validate(
                ImageReference.parse("oci:" + SAMPLE + ":nope"), ImageValidationOptions.DEFAULT));
  }

  @Test
  void pathSniffingTellsLayoutsArchivesAndBundles() throws IOException {
    assertTrue(ImageReference.isLayoutDirectory(SAMPLE));
    assertFalse(ImageReference.isArchive(SAMPLE));
    Path bundle = Checkout.root().resolve("testdata/bundles/sample");
    assertFalse(ImageReference.isLayoutDirectory(bundle));
    Path tar = Files.writeString(tmp.resolve("x.tar"), "");
    assertTrue(ImageReference.isArchive(tar), "a .tar name is enough");
  }
}
