package dev.ocikit.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.image.ExecutionConfig;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.image.ImageIndex;
import dev.ocikit.spec.image.ImageLayout;
import dev.ocikit.spec.image.ImageManifest;
import dev.ocikit.spec.json.JsonEquivalence;
import dev.ocikit.spec.json.JsonWriter;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.model.ModelObject;
import dev.ocikit.spec.runtime.ContainerStatus;
import dev.ocikit.spec.runtime.Features;
import dev.ocikit.spec.runtime.RuntimeConfig;
import dev.ocikit.spec.runtime.State;
import dev.ocikit.spec.testing.Checkout;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every valid fixture, and documents written by real tools (runc, umoci), survive parse → bind →
 * toJson without any change a JSON reader could see.
 */
class RoundTripTest {

  /** One dynamic test per valid fixture, named {@code <type>/<file>}. */
  @TestFactory
  Stream<DynamicTest> everyValidFixtureRoundTrips() throws IOException {
    Path documents = Checkout.root().resolve("testdata/documents");
    List<Path> fixtures;
    try (Stream<Path> s = Files.walk(documents)) {
      fixtures =
          s.filter(p -> p.toString().endsWith(".json"))
              .filter(p -> p.getParent().getFileName().toString().equals("valid"))
              .sorted()
              .toList();
    }
    List<String> types = new ArrayList<>();
    try (Stream<Path> s = Files.list(documents)) {
      s.filter(Files::isDirectory).forEach(p -> types.add(p.getFileName().toString()));
    }
    for (String type : types) {
      assertTrue(
          fixtures.stream().anyMatch(f -> f.getParent().getParent().endsWith(type)),
          "no valid fixture for " + type);
    }
    return fixtures.stream()
        .map(
            f -> {
              String typeId = f.getParent().getParent().getFileName().toString();
              return DynamicTest.dynamicTest(
                  // No file URI as test source: surefire drops dynamic tests whose source is
                  // not a class or method.
                  typeId + "/" + f.getFileName(),
                  () -> {
                    DocumentType type =
                        DocumentType.byId(typeId)
                            .orElseThrow(() -> new AssertionError("unknown type folder " + typeId));
                    assertRoundTrips(type, StrictJson.reader().read(f).root(), f.toString());
                  });
            });
  }

  @Test
  void runcSpec(@TempDir Path dir) throws Exception {
    assumeTool("runc");
    run(dir, "runc", "spec");
    RuntimeConfig config =
        (RuntimeConfig) assertRoundTrips(DocumentType.RUNTIME_CONFIG, dir.resolve("config.json"));
    assertEquals(List.of("sh"), config.process().args());
    assertEquals("rootfs", config.root().path());
    assertNotNull(config.linux().namespaces());
    assertTrue(config.otherProperties().isEmpty(), () -> "unmodelled: " + config.otherProperties());
  }

  @Test
  void runcSpecRootless(@TempDir Path dir) throws Exception {
    assumeTool("runc");
    run(dir, "runc", "spec", "--rootless");
    RuntimeConfig config =
        (RuntimeConfig) assertRoundTrips(DocumentType.RUNTIME_CONFIG, dir.resolve("config.json"));
    assertFalse(config.linux().uidMappings().isEmpty(), "rootless spec maps the user");
    assertFalse(config.linux().gidMappings().isEmpty());
    assertTrue(config.otherProperties().isEmpty(), () -> "unmodelled: " + config.otherProperties());
  }

  @Test
  void runcFeatures(@TempDir Path dir) throws Exception {
    assumeTool("runc");
    byte[] out = run(dir, "runc", "features");
    JsonNode root = StrictJson.reader().read(out, "runc features").root();
    Features features =
        (Features) assertRoundTrips(DocumentType.RUNTIME_FEATURES, root, "runc features");
    assertNotNull(features.ociVersionMin());
    assertFalse(features.hooks().isNull());
    assertTrue(features.hooks().value().contains("prestart"), features.hooks().toString());
    assertFalse(features.mountOptions().value().isEmpty());
  }

  @Test
  void runcStateOfACreatedContainer(@TempDir Path dir) throws Exception {
    assumeTool("runc");
    Assumptions.assumeTrue(isRoot(), "needs root and runc: creates a real container");
    Path busybox = Path.of("/bin/busybox");
    Assumptions.assumeTrue(
        Files.isExecutable(busybox), "needs root and runc and a static /bin/busybox for rootfs");

    Path bundle = dir.resolve("bundle");
    Path bin = bundle.resolve("rootfs/bin");
    Files.createDirectories(bin);
    Files.copy(busybox, bin.resolve("busybox"));
    Files.createSymbolicLink(bin.resolve("sh"), Path.of("busybox"));
    run(bundle, "runc", "spec");
    Path configFile = bundle.resolve("config.json");
    ObjectNode config = (ObjectNode) StrictJson.reader().read(configFile).root();
    ObjectNode process = (ObjectNode) config.get("process");
    ArrayNode args = JsonNodeFactory.instance.arrayNode();
    args.add("/bin/sh").add("-c").add("sleep 30");
    process.set("args", args);
    process.put("terminal", false);
    JsonWriter.writeAtomically(configFile, config);

    String id = "ocikit-roundtrip-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
    Path root = dir.resolve("runc-root");
    try {
      run(dir, "runc", "--root", root.toString(), "create", "--bundle", bundle.toString(), id);
      byte[] out = run(dir, "runc", "--root", root.toString(), "state", id);
      JsonNode tree = StrictJson.reader().read(out, "runc state").root();
      assertEquals(java.util.Optional.of(DocumentType.RUNTIME_STATE), DocumentType.detect(tree));
      State state = (State) assertRoundTrips(DocumentType.RUNTIME_STATE, tree, "runc state");
      assertEquals(id, state.id());
      assertEquals(ContainerStatus.CREATED, state.status());
      assertTrue(state.pid() != null && state.pid() > 0, "pid " + state.pid());
      assertEquals(bundle.toString(), state.bundle());
    } finally {
      runQuietly(dir, "runc", "--root", root.toString(), "delete", "--force", id);
    }
  }

  @Test
  void umociImageLayout(@TempDir Path dir) throws Exception {
    assumeTool("umoci");
    Path layout = dir.resolve("layout");
    run(dir, "umoci", "init", "--layout", layout.toString());
    run(dir, "umoci", "new", "--image", layout + ":t");
    run(
        dir,
        "umoci",
        "config",
        "--image",
        layout + ":t",
        "--config.cmd",
        "/bin/true",
        "--config.env",
        "A=B");

    ImageLayout ociLayout =
        (ImageLayout) assertRoundTrips(DocumentType.IMAGE_LAYOUT, layout.resolve("oci-layout"));
    assertEquals("1.0.0", ociLayout.imageLayoutVersion());

    ImageIndex index =
        (ImageIndex) assertRoundTrips(DocumentType.IMAGE_INDEX, layout.resolve("index.json"));
    assertEquals(2, index.schemaVersion());
    assertEquals(1, index.manifests().size());
    Descriptor manifestDescriptor = index.manifests().get(0);
    assertEquals("t", manifestDescriptor.annotations().get("org.opencontainers.image.ref.name"));

    Path manifestBlob = blob(layout, manifestDescriptor);
    assertEquals(manifestDescriptor.size(), Files.size(manifestBlob));
    ImageManifest manifest =
        (ImageManifest) assertRoundTrips(DocumentType.IMAGE_MANIFEST, manifestBlob);
    assertEquals(2, manifest.schemaVersion());
    assertEquals("application/vnd.oci.image.config.v1+json", manifest.config().mediaType());
    assertTrue(manifest.layers().isEmpty(), "umoci new makes an image without layers");

    Path configBlob = blob(layout, manifest.config());
    ImageConfig config = (ImageConfig) assertRoundTrips(DocumentType.IMAGE_CONFIG, configBlob);
    ExecutionConfig exec = config.config().value();
    assertEquals(List.of("/bin/true"), exec.cmd().value());
    assertTrue(exec.env().value().contains("A=B"), exec.env().toString());
    assertEquals("layers", config.rootfs().type());
  }

  private static Path blob(Path layout, Descriptor d) {
    String[] parts = d.digest().split(":", 2);
    Path blob = layout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
    assertTrue(Files.isRegularFile(blob), "blob of " + d.digest());
    return blob;
  }

  private static ModelObject assertRoundTrips(DocumentType type, Path file) throws IOException {
    return assertRoundTrips(type, StrictJson.reader().read(file).root(), file.toString());
  }

  /**
   * Binds {@code input} as {@code type}, writes it back and asserts equivalence; also checks that
   * content detection agrees and that binding the output gives an equal record.
   */
  private static ModelObject assertRoundTrips(DocumentType type, JsonNode input, String source) {
    ModelObject model = type.bind(input);
    JsonNode output = model.toJson();
    String diff = JsonEquivalence.firstDifference(input, output, "");
    assertNull(
        diff,
        () ->
            source
                + ": round trip differs at "
                + diff
                + ": input "
                + input.at(diff)
                + " but output "
                + output.at(diff));
    assertEquals(model, type.bind(output), source + ": rebinding the output");
    assertEquals(
        java.util.Optional.of(type), DocumentType.detect(input), source + ": detected type");
    return model;
  }

  private static void assumeTool(String tool) {
    boolean found =
        Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
            .anyMatch(d -> !d.isEmpty() && Files.isExecutable(Path.of(d, tool)));
    Assumptions.assumeTrue(found, "needs " + tool + " on PATH");
  }

  private static boolean isRoot() {
    try {
      Object uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      return Integer.valueOf(0).equals(uid);
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * Runs a command in {@code dir} and returns its standard output; fails on a non-zero exit. Output
   * goes through files, not pipes: a container started by {@code runc create} inherits the
   * descriptors and would hold a pipe open.
   */
  private static byte[] run(Path dir, String... command) throws Exception {
    Path out = Files.createTempFile(dir, ".out", ".txt");
    Path err = Files.createTempFile(dir, ".err", ".txt");
    try {
      java.lang.Process p =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(String.join(" ", command) + ": timed out");
      }
      assertEquals(
          0, p.exitValue(), () -> String.join(" ", command) + " failed: " + readQuietly(err));
      return Files.readAllBytes(out);
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  private static void runQuietly(Path dir, String... command) {
    try {
      run(dir, command);
    } catch (Exception | AssertionError e) {
      System.err.println("cleanup: " + String.join(" ", command) + ": " + e.getMessage());
    }
  }

  private static String readQuietly(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
