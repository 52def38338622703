package dev.ocikit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ocikit.fuzz.Sections.Section;
import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.ConversionException;
import dev.ocikit.image.IdMapping;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.bundle.ConfigConverter;
import dev.ocikit.spec.OciJson;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.JsonSyntaxException;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.JsonShapeException;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.User;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Image config to runtime config ({@link ConfigConverter}, the conversion step of bundle creation)
 * over a root filesystem from the input ({@link RootfsInput}: {@code /etc/passwd}, {@code
 * /etc/group}, volume directories, symlinks that lead anywhere). Sections: {@code === config} (the
 * image config JSON), the rootfs sections, {@code === ref NAME} and {@code === options
 * rootless|mapped|readonly}.
 *
 * <p>The conversion must succeed or throw a {@link ConversionException}; its result must be written
 * and read back as strict JSON without change; and the user it resolved must never come from a
 * {@code passwd} or {@code group} file outside the root ({@link Outside}'s outsider).
 */
class ConfigConversionFuzzTest {
  private static final Descriptor MANIFEST_DESCRIPTOR =
      Descriptor.fromJson(
          tree(
              "{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":"
                  + "\"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a\","
                  + "\"size\":2}"));
  private static final ImageManifest MANIFEST =
      ImageManifest.fromJson(tree("{\"schemaVersion\":2,\"layers\":[]}"));

  @FuzzTest
  void convert(byte[] input) throws Exception {
    List<Section> sections = Sections.parse(input);
    byte[] json = find(sections, "config").map(Section::content).orElse(new byte[] {'{', '}'});
    ImageConfig config =
        Documented.orRefused(
            () -> OciJson.parse(json, "config", ImageConfig::fromJson),
            List.of(JsonSyntaxException.class, JsonShapeException.class));
    if (config == null) {
      return;
    }
    String ref = find(sections, "ref").map(Section::argument).orElse(null);
    ResolvedImage image = new ResolvedImage(MANIFEST_DESCRIPTOR, MANIFEST, config, ref);
    try (Scratch scratch = Scratch.create("convert")) {
      Path rootfs = Files.createDirectory(scratch.dir().resolve("rootfs"));
      RootfsInput.write(sections, rootfs);
      Outside outside = Outside.around(scratch.dir());
      RuntimeConfig converted =
          Documented.orRefused(
              () -> ConfigConverter.convert(image, rootfs, options(sections)),
              List.of(ConversionException.class));
      outside.assertUntouched("converting the config");
      if (converted != null) {
        assertNoOutsider(converted, input);
        assertReadsBack(converted);
      }
    }
  }

  private static BundleOptions options(List<Section> sections) {
    String words = find(sections, "options").map(Section::argument).orElse("");
    UnpackOptions unpack = UnpackOptions.defaults().withRootless(words.contains("rootless"));
    if (words.contains("mapped")) {
      unpack =
          unpack.withIdMaps(
              List.of(new IdMapping(0, 100000, 65536)), List.of(new IdMapping(0, 100000, 65536)));
    }
    return BundleOptions.defaults()
        .withUnpack(unpack)
        .withReadonlyRootfs(words.contains("readonly"));
  }

  /** The outsider's id can only come from a sentinel outside the root, unless the input says it. */
  private static void assertNoOutsider(RuntimeConfig converted, byte[] input) {
    User user = converted.process().user();
    List<Long> ids = new ArrayList<>();
    ids.add(user.uid());
    ids.add(user.gid());
    if (user.additionalGids() != null) {
      ids.addAll(user.additionalGids());
    }
    String text = new String(input, StandardCharsets.ISO_8859_1);
    if (ids.contains(Outside.OUTSIDER_ID) && !text.contains(Long.toString(Outside.OUTSIDER_ID))) {
      throw new AssertionError("user resolved from a file outside the root: " + user);
    }
  }

  /** What the converter made is written as strict JSON that reads back to the same document. */
  private static void assertReadsBack(RuntimeConfig converted) throws Exception {
    byte[] written = OciJson.toBytes(converted);
    var reread = StrictJson.reader().read(written, "converted config").root();
    String diff = JsonEquivalence.firstDifference(converted.toJson(), reread, "");
    if (diff != null || !RuntimeConfig.fromJson(reread).equals(converted)) {
      throw new AssertionError("converted config does not read back, first difference at " + diff);
    }
  }

  private static Optional<Section> find(List<Section> sections, String name) {
    return sections.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  private static tools.jackson.databind.JsonNode tree(String json) {
    try {
      return StrictJson.reader().read(json.getBytes(StandardCharsets.UTF_8), "fixed").root();
    } catch (JsonSyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
