package dev.ocikit.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ocikit.image.ImageValidationOptions;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.TarLimits;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.unpack.LayerApplier;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.spec.mediatype.Compression;
import dev.ocikit.spec.mediatype.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One layer blob (tar, tar+gzip or tar+zstd), every byte the fuzzer's, through the public layer
 * pipeline: validated as the single layer of an image layout ({@link ImageValidator}: findings are
 * data, it must not throw), then applied by {@link LayerApplier} in rootless mode with small limits
 * onto a fresh directory, where it must succeed or fail with an {@link UnpackException} and must
 * leave everything outside that directory as it was.
 */
class LayerFuzzTest {
  static final TarLimits SMALL = new TarLimits(8 << 20, 256, 4096, 64 << 10);
  static final UnpackOptions SMALL_ROOTLESS =
      UnpackOptions.defaults().withRootless(true).withLimits(SMALL);
  static final ImageValidationOptions ONE_THREAD =
      ImageValidationOptions.DEFAULT.withParallelism(1).withLimits(SMALL);

  @FuzzTest
  void validateAndApply(byte[] layer) throws Exception {
    try (Scratch scratch = Scratch.create("layer")) {
      Path layout = Files.createDirectory(scratch.dir().resolve("layout"));
      writeSingleLayerLayout(layout, layer);
      ImageValidator.validate(layout, ONE_THREAD);

      Path root = Files.createDirectory(scratch.dir().resolve("root"));
      Outside outside = Outside.around(scratch.dir());
      LayerSource source =
          new LayerSource(
              "fuzzed layer", Compression.UNKNOWN, () -> new ByteArrayInputStream(layer));
      Documented.orRefused(
          () -> LayerApplier.apply(List.of(source), root, SMALL_ROOTLESS),
          List.of(UnpackException.class));
      outside.assertUntouched("applying the layer");
    }
  }

  /** oci-layout, index.json → manifest → config and the layer, its media type from its magic. */
  private static void writeSingleLayerLayout(Path dir, byte[] layer) throws IOException {
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    // Right for a plain tar; for a compressed one the validator reports the DiffID and goes on.
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
            + "\"diff_ids\":[\""
            + LayoutInput.digestOf(layer)
            + "\"]}}";
    byte[] configBytes = config.getBytes(StandardCharsets.UTF_8);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MediaType.IMAGE_MANIFEST
            + "\","
            + "\"config\":"
            + descriptor(MediaType.IMAGE_CONFIG, dir, configBytes)
            + ","
            + "\"layers\":["
            + descriptor(mediaTypeOf(layer), dir, layer)
            + "]}";
    String index =
        "{\"schemaVersion\":2,\"manifests\":["
            + descriptor(MediaType.IMAGE_MANIFEST, dir, manifest.getBytes(StandardCharsets.UTF_8))
            + "]}";
    Files.writeString(dir.resolve("index.json"), index);
  }

  private static String descriptor(MediaType type, Path dir, byte[] content) throws IOException {
    return "{\"mediaType\":\""
        + type
        + "\",\"digest\":\""
        + LayoutInput.storeBlob(dir, content)
        + "\",\"size\":"
        + content.length
        + "}";
  }

  private static MediaType mediaTypeOf(byte[] layer) {
    if (layer.length >= 2 && (layer[0] & 0xff) == 0x1f && (layer[1] & 0xff) == 0x8b) {
      return MediaType.LAYER_TAR_GZIP;
    }
    if (layer.length >= 4
        && (layer[0] & 0xff) == 0x28
        && (layer[1] & 0xff) == 0xb5
        && (layer[2] & 0xff) == 0x2f
        && (layer[3] & 0xff) == 0xfd) {
      return MediaType.LAYER_TAR_ZSTD;
    }
    return MediaType.LAYER_TAR;
  }
}
