package dev.ocikit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ocikit.fuzz.Sections.Section;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.PlatformSpec;
import dev.ocikit.image.Unpacker;
import dev.ocikit.image.bundle.ImageQuery;
import dev.ocikit.image.bundle.ImageResolver;
import dev.ocikit.image.layout.LayoutDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image layout walk: a whole layout written from the input ({@link LayoutInput}: {@code
 * oci-layout}, {@code index.json} and blobs, with nested indexes, cycles through unverifiable
 * digests, missing blobs and wrong sizes all within reach) is validated by {@link ImageValidator},
 * which must report and never throw, then resolved by {@link ImageResolver} for a platform and a
 * reference, and unpacked by {@link Unpacker} in rootless mode with small limits, both of which may
 * refuse the image only with an {@link IOException} and must not touch anything outside the
 * destination.
 *
 * <p>An optional {@code === ref NAME} section names the reference to resolve.
 */
class ImageLayoutFuzzTest {
  private static final PlatformSpec ARM64 = PlatformSpec.parse("linux/arm64/v8");

  @FuzzTest
  void validateResolveAndUnpack(byte[] input) throws Exception {
    List<Section> sections = Sections.parse(input);
    try (Scratch scratch = Scratch.create("layout")) {
      Path layout = Files.createDirectory(scratch.dir().resolve("layout"));
      LayoutInput.write(sections, layout);
      ImageValidator.validate(layout, LayerFuzzTest.ONE_THREAD);

      String ref =
          sections.stream()
              .filter(s -> s.name().equals("ref"))
              .findFirst()
              .map(Section::argument)
              .orElse(null);
      Documented.orRefused(
          () ->
              new ImageResolver(new LayoutDirectory(layout))
                  .resolve(ImageQuery.ref(ref).withPlatform(ARM64)),
          List.of(IOException.class));

      Path dest = Files.createDirectory(scratch.dir().resolve("bundle"));
      Outside outside = Outside.around(scratch.dir());
      Documented.orRefused(
          () -> Unpacker.unpack(layout, ref, dest, LayerFuzzTest.SMALL_ROOTLESS),
          List.of(IOException.class));
      outside.assertUntouched("unpacking the image");
    }
  }
}
