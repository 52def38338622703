package dev.ocikit.image.bundle;

import static dev.ocikit.image.bundle.LayoutWriter.digestOf;
import static dev.ocikit.image.bundle.LayoutWriter.platform;
import static dev.ocikit.image.bundle.LayoutWriter.refName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.ImageSelectionException;
import dev.ocikit.image.PlatformSpec;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reference and platform selection over a hand-written layout with an index of two platforms. */
class ImageSelectionTest {
  private static final String EXEC = "{\"Cmd\":[\"/bin/sh\"]}";
  @TempDir Path tmp;
  private LayoutWriter layout;
  private String amd64;
  private String arm64;

  @BeforeEach
  void twoPlatforms() throws Exception {
    layout = new LayoutWriter(tmp.resolve("img"));
    amd64 = layout.image("linux", "amd64", "amd64", EXEC, platform("linux", "amd64", null));
    arm64 = layout.image("linux", "arm64", "arm64", EXEC, platform("linux", "arm64", "v8"));
  }

  private String unpackMarker(ImageQuery q) throws Exception {
    Path dest = tmp.resolve("out-" + System.nanoTime());
    UnpackedImage u =
        Unpacker.unpack(
            layout.dir, q.ref(), dest, UnpackOptions.defaults().withPlatform(q.platform()));
    return Files.readString(u.rootfs().resolve("marker"));
  }

  @Test
  void platformPicksFromIndexAndHostIsTheDefault() throws Exception {
    layout.writeIndex(amd64, arm64);
    assertEquals(
        "arm64", unpackMarker(ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/arm64"))));
    assertEquals(
        "arm64", unpackMarker(ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/arm64/v8"))));
    assertEquals(
        "amd64", unpackMarker(ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/amd64"))));
    if (PlatformSpec.host().toString().equals("linux/amd64")) {
      assertEquals("amd64", unpackMarker(ImageQuery.ANY));
    }
    ImageSelectionException e =
        assertThrows(
            ImageSelectionException.class,
            () -> unpackMarker(ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/s390x"))));
    assertTrue(
        e.getMessage().contains("linux/amd64") && e.getMessage().contains("linux/arm64/v8"),
        e.getMessage());
  }

  @Test
  void nestedIndexesAreWalkedAndTheRefNameIsInherited() throws Exception {
    layout.writeIndex(layout.nestedIndex(List.of(amd64, arm64), refName("multi")));
    ImageQuery q = ImageQuery.ref("multi").withPlatform(PlatformSpec.parse("linux/arm64"));
    assertEquals("arm64", unpackMarker(q));
    assertEquals("amd64", unpackMarker(ImageQuery.ref("@" + digestOf(amd64))));
  }

  @Test
  void noDefaultWithoutHostMatch() throws Exception {
    String s390 = layout.image("linux", "s390x", "s", EXEC, platform("linux", "s390x", null));
    layout.writeIndex(arm64, s390);
    ImageSelectionException e =
        assertThrows(ImageSelectionException.class, () -> unpackMarker(ImageQuery.ANY));
    assertTrue(e.getMessage().contains("holds 2 images"), e.getMessage());
    assertTrue(e.getMessage().contains("linux/s390x"), e.getMessage());
  }

  @Test
  void onlyImageIsTheDefaultWhateverItsPlatform() throws Exception {
    layout.writeIndex(arm64);
    assertEquals("arm64", unpackMarker(ImageQuery.ANY));
  }

  @Test
  void refByNameAndByDigest() throws Exception {
    String a = layout.image("linux", "amd64", "a", EXEC, refName("v1"));
    String b = layout.image("linux", "amd64", "b", EXEC, refName("v2"));
    layout.writeIndex(a, b);
    assertEquals("a", unpackMarker(ImageQuery.ref("v1")));
    assertEquals("b", unpackMarker(ImageQuery.ref("v2")));
    assertEquals("b", unpackMarker(ImageQuery.ref("@" + digestOf(b))));
    ImageSelectionException e =
        assertThrows(ImageSelectionException.class, () -> unpackMarker(ImageQuery.ref("v3")));
    assertTrue(e.getMessage().contains("no image with reference 'v3'"), e.getMessage());
    assertTrue(e.getMessage().contains("available: v1, v2"), e.getMessage());
    // Both are amd64 but named differently: two images, not two entries for one platform.
    ImageSelectionException named =
        assertThrows(
            ImageSelectionException.class,
            () -> unpackMarker(ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/amd64"))));
    assertTrue(
        named.getMessage().contains("2 images for linux/amd64 under different names")
            && named.getMessage().contains("choose one with a reference: v1 linux/amd64"),
        named.getMessage());
  }

  @Test
  void theFirstOfSeveralMatchingEntriesIsUsed() throws Exception {
    // image-index.md: when several manifests match, the first matching entry SHOULD be used.
    String one = layout.image("linux", "amd64", "one", EXEC, platform("linux", "amd64", null));
    String two = layout.image("linux", "amd64", "two", EXEC, platform("linux", "amd64", "v2"));
    ImageQuery amd = ImageQuery.ANY.withPlatform(PlatformSpec.parse("linux/amd64"));
    layout.writeIndex(arm64, one, two);
    assertEquals("one", unpackMarker(amd));
    layout.writeIndex(two, arm64, one);
    assertEquals("two", unpackMarker(amd));
    if (PlatformSpec.host().toString().equals("linux/amd64")) {
      assertEquals("two", unpackMarker(ImageQuery.ANY)); // the host is the requirement
    }
    // Several tags of one multi-platform index are one name: still the first match.
    layout.writeIndex(layout.nestedIndex(List.of(arm64, one, two), refName("multi")));
    assertEquals("one", unpackMarker(amd));
  }

  @Test
  void failedSelectionLeavesNoDestination() throws Exception {
    layout.writeIndex(amd64);
    Path dest = tmp.resolve("never");
    assertThrows(
        ImageSelectionException.class,
        () -> Unpacker.unpack(layout.dir, "nope", dest, UnpackOptions.defaults()));
    assertFalse(Files.exists(dest));
  }
}
