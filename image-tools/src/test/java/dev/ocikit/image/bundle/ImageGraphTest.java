package dev.ocikit.image.bundle;

import static dev.ocikit.image.bundle.LayoutWriter.platform;
import static dev.ocikit.image.bundle.LayoutWriter.refName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.check.Finding;
import dev.ocikit.check.ValidationResult;
import dev.ocikit.image.ImageValidator;
import dev.ocikit.image.PlatformSpec;
import dev.ocikit.image.UnpackOptions;
import dev.ocikit.image.UnpackedImage;
import dev.ocikit.image.Unpacker;
import dev.ocikit.image.layout.DescriptorPath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation and unpacking accept and refuse the same image graphs: an index reached twice (as
 * {@code skopeo copy --all} writes two tags of one multi-arch image), a real cycle and a chain of
 * indexes one too deep, with the same words.
 */
class ImageGraphTest {
  private static final String EXEC = "{\"Cmd\":[\"/bin/sh\"]}";
  private static final String INDEX = "application/vnd.oci.image.index.v1+json";

  @TempDir Path tmp;

  private static ValidationResult validate(Path layout) throws IOException {
    return ImageValidator.validate(layout);
  }

  private String unpack(Path layout, String ref, String platform) throws IOException {
    Path dest = tmp.resolve("out-" + System.nanoTime());
    UnpackedImage u =
        Unpacker.unpack(
            layout, ref, dest, UnpackOptions.defaults().withPlatform(PlatformSpec.parse(platform)));
    return Files.readString(u.rootfs().resolve("marker"));
  }

  /** A multi-arch layout: index.json names one nested index (tag) of two platforms. */
  private Path multiArch(String name, String tag) throws IOException {
    LayoutWriter w = new LayoutWriter(tmp.resolve(name));
    String amd64 = w.image("linux", "amd64", "amd64", EXEC, platform("linux", "amd64", null));
    String arm64 = w.image("linux", "arm64", "arm64", EXEC, platform("linux", "arm64", "v8"));
    w.writeIndex(w.nestedIndex(List.of(amd64, arm64), refName(tag)));
    return w.dir;
  }

  @Test
  void skopeoCopyingOneMultiArchImageUnderTwoTagsIsValidAndUnpacks() throws Exception {
    assumeTrue(onPath("skopeo"), "needs skopeo (Debian package skopeo) to copy the layout");
    Path source = multiArch("source", "tag1");
    Path copy = tmp.resolve("copy");
    for (String tag : List.of("tag1", "tag2")) {
      run(
          "skopeo",
          "--insecure-policy",
          "copy",
          "--all",
          "oci:" + source + ":tag1",
          "oci:" + copy + ":" + tag);
    }
    String index = Files.readString(copy.resolve("index.json"));
    assertEquals(
        2, index.split(Pattern.quote(INDEX), -1).length - 1, "two tags, one index: " + index);

    ValidationResult v = validate(copy);
    assertTrue(v.valid(), v.findings().toString());
    assertEquals("amd64", unpack(copy, "tag1", "linux/amd64"));
    assertEquals("arm64", unpack(copy, "tag2", "linux/arm64"));
  }

  @Test
  void anIndexThatIsItsOwnAncestorIsRefusedByBothInTheSameWords() throws Exception {
    // With a checked digest a cycle cannot be built: the blob would hold its own hash. A digest
    // algorithm that cannot be checked (only the size is) lets a hostile layout make one.
    LayoutWriter w = new LayoutWriter(tmp.resolve("cycle"));
    String digest = "xyz:cycle";
    String self = "";
    for (int size = 0, last = -1; size != last; ) {
      last = size;
      self = LayoutWriter.index(List.of(LayoutWriter.descriptor(INDEX, digest, size, "")));
      size = self.getBytes(StandardCharsets.UTF_8).length;
    }
    Files.createDirectories(w.dir.resolve("blobs/xyz"));
    Files.writeString(w.dir.resolve("blobs/xyz/cycle"), self);
    long size = self.getBytes(StandardCharsets.UTF_8).length;
    w.writeIndex(LayoutWriter.descriptor(INDEX, digest, size, refName("t")));

    String words =
        "descriptor xyz:cycle is its own ancestor (index.json > xyz:cycle > xyz:cycle):"
            + " descriptors in a cycle";
    assertRefusedByBoth(w.dir, words);
  }

  @Test
  void indexesNestedOneLevelTooDeepAreRefusedByBothAndOneLessIsFine() throws Exception {
    LayoutWriter w = new LayoutWriter(tmp.resolve("deep"));
    String image = w.image("linux", "amd64", "deep", EXEC, platform("linux", "amd64", null));
    List<String> chain = new ArrayList<>();
    String top = image;
    for (int i = 0; i < DescriptorPath.MAX_INDEX_DEPTH; i++) {
      top = w.nestedIndex(List.of(top), "");
      chain.add(0, LayoutWriter.digestOf(top));
    }
    w.writeIndex(top.replace("}", "," + refName("t") + "}"));
    assertTrue(validate(w.dir).valid(), validate(w.dir).findings().toString());
    assertEquals("deep", unpack(w.dir, "t", "linux/amd64"));

    String tooDeep = w.nestedIndex(List.of(top), "");
    chain.add(0, LayoutWriter.digestOf(tooDeep));
    w.writeIndex(tooDeep.replace("}", "," + refName("t") + "}"));
    StringBuilder path = new StringBuilder("index.json");
    for (String d : chain) {
      path.append(" > ").append(d, 0, "sha256:".length() + 12).append('…');
    }
    assertRefusedByBoth(w.dir, "indexes nested more than 8 deep (" + path + "); refused");
  }

  private void assertRefusedByBoth(Path layout, String words) throws IOException {
    ValidationResult v = validate(layout);
    assertFalse(v.valid());
    List<Finding> nesting =
        v.findings().stream().filter(f -> f.ruleId().equals("image.index.nesting")).toList();
    assertEquals(List.of(words), nesting.stream().map(Finding::message).toList());
    IOException e = assertThrows(IOException.class, () -> unpack(layout, "t", "linux/amd64"));
    assertTrue(e.getMessage().endsWith(": " + words), e.getMessage());
    assertFalse(Files.exists(tmp.resolve("out")));
  }

  private static boolean onPath(String tool) {
    return Stream.of(System.getenv("PATH").split(File.pathSeparator))
        .anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
  }

  private static void run(String... cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", cmd) + "\n" + out);
  }
}
