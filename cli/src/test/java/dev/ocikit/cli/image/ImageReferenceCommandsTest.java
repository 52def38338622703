package dev.ocikit.cli.image;

import static dev.ocikit.cli.image.ImageCommandsTest.run;
import static dev.ocikit.cli.image.ImageCommandsTest.sh;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.cli.image.ImageCommandsTest.Run;
import dev.ocikit.spec.OcikitVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code oci:DIR[:REF]} / {@code oci-archive:FILE[:REF]} operands, {@code --ref} and {@code
 * --format json} of {@code unpack} and {@code bundle}, on a layout umoci builds and skopeo copies
 * into an archive (both offline, local files only).
 */
class ImageReferenceCommandsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path shared;
  @TempDir Path tmp;
  private static Path layout;
  private static Path archive;

  @BeforeAll
  static void buildImages() throws Exception {
    if (!ImageCommandsTest.tools() || !ImageCommandsTest.onPath("skopeo")) {
      return;
    }
    layout = ImageCommandsTest.busyboxLayout(shared);
    // skopeo's own transports write the archive, under another name than the layout's.
    sh(shared, "skopeo copy --quiet oci:img:v1 oci-archive:arch.tar:latest");
    archive = shared.resolve("arch.tar");
  }

  private static void assumeImages() {
    assumeTrue(layout != null, "needs root, umoci, skopeo, tar and busybox to build the image");
  }

  private String dest(String name) {
    return tmp.resolve(name).toString();
  }

  @Test
  void unpackAnOciLayoutReference() {
    assumeImages();
    Run r = run("unpack", "oci:" + layout + ":v1", dest("a"));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("unpacked sha256:"), r.out());
    assertTrue(Files.isExecutable(tmp.resolve("a/rootfs/bin/busybox")));
  }

  @Test
  void bundleAnArchiveReferenceAsJson() throws Exception {
    assumeImages();
    Run r = run("bundle", "--format", "json", "oci-archive:" + archive + ":latest", dest("b"));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.err());
    JsonNode o = JSON.readTree(r.out());
    assertEquals(1, r.out().strip().lines().filter(l -> l.equals("}")).count(), r.out());
    assertEquals(OcikitVersion.build().version(), o.get("tool").get("version").asString());
    assertEquals("oci-tool bundle", o.get("tool").get("name").asString());
    JsonNode image = o.get("image");
    assertEquals("oci-archive", image.get("transport").asString());
    assertEquals("archive", image.get("kind").asString());
    assertEquals(archive.toString(), image.get("path").asString());
    assertEquals("latest", image.get("ref").asString());
    assertEquals(dest("b"), o.get("destination").asString());
    assertEquals(tmp.resolve("b/config.json").toString(), o.get("config").asString());
    assertTrue(Files.isRegularFile(tmp.resolve("b/config.json")));
    assertEquals("/bin/sh", o.get("process").get("args").get(0).asString());
    // The digests are the archive's own, read here from its index, manifest and config.
    sh(tmp, "mkdir x && tar -C x -xf " + archive);
    JsonNode index = JSON.readTree(tmp.resolve("x/index.json").toFile());
    String manifestDigest = index.get("manifests").get(0).get("digest").asString();
    assertEquals(manifestDigest, o.get("manifest").get("digest").asString());
    assertEquals("latest", o.get("manifest").get("refName").asString());
    JsonNode manifest = JSON.readTree(blob(manifestDigest).toFile());
    String configDigest = manifest.get("config").get("digest").asString();
    assertEquals(configDigest, o.get("imageConfig").get("digest").asString());
    JsonNode diffIds = JSON.readTree(blob(configDigest).toFile()).get("rootfs").get("diff_ids");
    JsonNode layers = o.get("layers");
    assertEquals(manifest.get("layers").size(), layers.size());
    assertTrue(layers.size() > 0);
    long entries = 0;
    for (int i = 0; i < layers.size(); i++) {
      JsonNode l = layers.get(i);
      assertEquals(
          manifest.get("layers").get(i).get("digest").asString(), l.get("digest").asString());
      assertEquals(manifest.get("layers").get(i).get("size").asLong(), l.get("size").asLong());
      assertEquals(diffIds.get(i).asString(), l.get("diffId").asString());
      assertTrue(l.get("verified").asBoolean());
      entries += l.get("entries").asLong();
    }
    // the layer holds bin, bin/busybox, bin/sh, etc, etc/passwd at least, as tar lists them
    sh(tmp, "tar -tzf " + blob(layers.get(0).get("digest").asString()) + " > list");
    assertEquals(
        Files.readAllLines(tmp.resolve("list")).size(), layers.get(0).get("entries").asLong());
    assertEquals(entries, o.get("entries").asLong());
    assertTrue(o.get("warnings").isArray());
  }

  private Path blob(String digest) {
    return tmp.resolve("x/blobs/sha256/" + digest.substring("sha256:".length()));
  }

  @Test
  void unpackJsonOfAPlainPathAndTheOnlyImageOfAnArchive() throws Exception {
    assumeImages();
    // skopeo's empty REF: the archive's only image.
    Run r = run("unpack", "--format", "json", "--quiet", "oci-archive:" + archive, dest("u"));
    assertEquals(0, r.exit(), r.err());
    JsonNode o = JSON.readTree(r.out());
    assertTrue(o.get("image").get("ref").isNull(), r.out());
    assertTrue(o.get("config") == null, r.out());
    assertEquals(tmp.resolve("u/rootfs").toString(), o.get("rootfs").asString());
    Run plain = run("unpack", "--format", "json", layout + ":v2", dest("p"));
    assertEquals(0, plain.exit(), plain.err());
    JsonNode p = JSON.readTree(plain.out());
    assertTrue(p.get("image").get("transport").isNull(), plain.out());
    assertEquals("layout-directory", p.get("image").get("kind").asString());
    assertEquals("v2", p.get("manifest").get("refName").asString());
    // one image under two names: the same manifest, the same layers
    assertEquals(o.get("layers"), p.get("layers"));
  }

  @Test
  void refOptionMustAgreeWithTheReference() throws Exception {
    assumeImages();
    Run same = run("unpack", "-q", "--ref", "v1", "oci:" + layout + ":v1", dest("s"));
    assertEquals(new Run(0, "", ""), same);
    Run option = run("unpack", "--format", "json", "--ref", "v2", "oci:" + layout, dest("o"));
    assertEquals(0, option.exit(), option.err());
    assertEquals(
        "v2", JSON.readTree(option.out()).get("manifest").get("refName").asString(), option.out());
    Run both = run("bundle", "--ref", "v2", "oci:" + layout + ":v1", dest("c"));
    assertEquals(2, both.exit(), both.err());
    assertEquals(
        "oci-tool bundle: image reference 'oci:"
            + layout
            + ":v1' names 'v1' but --ref names 'v2'; give the reference once\n",
        both.err());
    assertFalse(Files.exists(tmp.resolve("c")));
  }

  @Test
  void badReferencesExit2WithOneLine() {
    assumeImages();
    List<List<String>> cases = new ArrayList<>();
    cases.add(List.of("unpack", "oci:" + archive, dest("d"), "use oci-archive:"));
    cases.add(List.of("bundle", "oci-archive:" + layout + ":v1", dest("d"), "use oci:"));
    cases.add(List.of("unpack", "oci:" + layout + ":Bad Name", dest("d"), "is not a ref.name"));
    cases.add(List.of("unpack", "oci:", dest("d"), "oci: must be followed by a path"));
    cases.add(List.of("unpack", "--ref", "-x", "oci:" + layout, dest("d"), "is not a ref.name"));
    cases.add(List.of("unpack", "--format", "yaml", layout + ":v1", dest("d"), "text or json"));
    cases.add(
        List.of("unpack", "oci:" + layout + ":v9", dest("d"), "no image with reference 'v9'"));
    for (List<String> c : cases) {
      String[] args = c.subList(0, c.size() - 1).toArray(String[]::new);
      Run r = run(args);
      assertEquals(2, r.exit(), c + ": " + r.err());
      assertEquals("", r.out(), c.toString());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("oci-tool " + c.get(0) + ": "), r.err());
      assertTrue(r.err().contains(c.get(c.size() - 1)), c + ": " + r.err());
      assertFalse(Files.exists(tmp.resolve("d")), c.toString());
    }
  }

  @Test
  void failuresInJsonModeAreStillOneLineOnStandardError() throws Exception {
    assumeImages();
    sh(tmp, "cp -r " + layout + " t");
    Path layer;
    try (Stream<Path> s = Files.list(tmp.resolve("t/blobs/sha256"))) {
      layer = s.max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length())).get();
    }
    byte[] b = Files.readAllBytes(layer);
    b[b.length / 2] ^= 1;
    Files.write(layer, b);
    Run r = run("unpack", "--format", "json", "oci:" + tmp.resolve("t") + ":v1", dest("out"));
    assertEquals(1, r.exit(), r.err());
    assertEquals("", r.out());
    assertEquals(1, r.err().lines().count(), r.err());
    assertFalse(Files.exists(tmp.resolve("out/rootfs")));
  }
}
