package dev.ocikit.image.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.BundleOptions;
import dev.ocikit.image.ConversionException;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.spec.image.ImageConfig;
import dev.ocikit.spec.json.StrictJson;
import dev.ocikit.spec.runtime.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The conversion.md rules on hand-written image configs. */
class ConfigConverterTest {
  @TempDir Path rootfs;
  private String os = "linux";

  private RuntimeConfig convert(String execConfig, String top) throws Exception {
    String json =
        "{\"architecture\":\"arm64\",\"os\":\""
            + os
            + "\""
            + top
            + ",\"config\":"
            + execConfig
            + ",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";
    ImageConfig c =
        ImageConfig.fromJson(
            StrictJson.reader().read(json.getBytes(StandardCharsets.UTF_8), "config").root());
    ResolvedImage image = new ResolvedImage(null, null, c, "v1");
    return ConfigConverter.convert(image, rootfs, BundleOptions.defaults());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"Cmd\":[\"/bin/sh\",\"-c\",\"x\"]}                  | /bin/sh -c x",
        "{\"Entrypoint\":[\"/init\"]}                          | /init",
        "{\"Entrypoint\":[\"/init\",\"--\"],\"Cmd\":[\"a\",\"b\"]} | /init -- a b",
      })
  void entrypointThenCmd(String exec, String args) throws Exception {
    assertEquals(List.of(args.split(" ")), convert(exec, "").process().args());
  }

  @Test
  void noCommandIsAnError() {
    ConversionException e = assertThrows(ConversionException.class, () -> convert("{}", ""));
    assertTrue(e.getMessage().contains("neither Entrypoint nor Cmd"), e.getMessage());
  }

  @Test
  void envIsVerbatimAndPathIsAddedOnlyWhenMissing() throws Exception {
    RuntimeConfig c = convert("{\"Cmd\":[\"x\"],\"Env\":[\"A=1\",\"A=2\",\"B=\"]}", "");
    assertEquals(List.of(ConfigConverter.DEFAULT_PATH, "A=1", "A=2", "B="), c.process().env());
    c = convert("{\"Cmd\":[\"x\"],\"Env\":[\"PATH=/opt\"]}", "");
    assertEquals(List.of("PATH=/opt"), c.process().env());
  }

  @Test
  void workingDirAndDefaultUser() throws Exception {
    RuntimeConfig c = convert("{\"Cmd\":[\"x\"]}", "");
    assertEquals("/", c.process().cwd());
    assertEquals(0L, c.process().user().uid());
    assertEquals("/srv", convert("{\"Cmd\":[\"x\"],\"WorkingDir\":\"/srv\"}", "").process().cwd());
    assertEquals(
        "/a/../b/", convert("{\"Cmd\":[\"x\"],\"WorkingDir\":\"/a/../b/\"}", "").process().cwd());
    assertEquals(5L, convert("{\"Cmd\":[\"x\"],\"User\":\"4:5\"}", "").process().user().gid());
  }

  @Test
  void annotationsWithLabelsWinning() throws Exception {
    RuntimeConfig c =
        convert(
            "{\"Cmd\":[\"x\"],\"StopSignal\":\"SIGINT\",\"ExposedPorts\":{\"80/tcp\":{},"
                + "\"53/udp\":{}},\"Labels\":{\"org.opencontainers.image.architecture\":\"mine\","
                + "\"k\":\"v\"}}",
            ",\"variant\":\"v8\",\"os.version\":\"6.1\",\"os.features\":[\"a\",\"b\"],"
                + "\"author\":\"me\",\"created\":\"2024-01-02T03:04:05Z\"");
    Map<String, String> a = c.annotations();
    String p = "org.opencontainers.image.";
    assertEquals("linux", a.get(p + "os"));
    assertEquals("mine", a.get(p + "architecture"));
    assertEquals("v8", a.get(p + "variant"));
    assertEquals("6.1", a.get(p + "os.version"));
    assertEquals("a,b", a.get(p + "os.features"));
    assertEquals("me", a.get(p + "author"));
    assertEquals("2024-01-02T03:04:05Z", a.get(p + "created"));
    assertEquals("SIGINT", a.get(p + "stopSignal"));
    assertEquals("80/tcp,53/udp", a.get(p + "exposedPorts"));
    assertEquals("v", a.get("k"));
  }

  @Test
  void anExposedPortsLabelWinsOverTheDerivedValue() throws Exception {
    String k = "org.opencontainers.image.exposedPorts";
    RuntimeConfig c =
        convert(
            "{\"Cmd\":[\"x\"],\"ExposedPorts\":{\"80/tcp\":{}},\"Labels\":{\""
                + k
                + "\":\"9/udp\"}}",
            "");
    assertEquals("9/udp", c.annotations().get(k));
  }

  @ParameterizedTest(name = "WorkingDir {0}")
  @CsvSource({"srv", "./srv", "srv/../x"})
  void relativeWorkingDirIsRefusedRatherThanChanged(String dir) {
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> convert("{\"Cmd\":[\"x\"],\"WorkingDir\":\"" + dir + "\"}", ""));
    assertEquals(
        "Config.WorkingDir \""
            + dir
            + "\" is relative: image-spec conversion.md copies it verbatim to process.cwd,"
            + " which runtime-spec config.md requires to be an absolute path",
        e.getMessage());
  }

  @Test
  void noAnnotationComesFromTheIndexOrManifest() throws Exception {
    // The image was chosen by its index.json ref.name (v1, see convert): that name is an index
    // annotation, which conversion.md says a converter should not extract.
    Map<String, String> a = convert("{\"Cmd\":[\"x\"]}", "").annotations();
    assertEquals(
        Map.of(
            "org.opencontainers.image.os",
            "linux",
            "org.opencontainers.image.architecture",
            "arm64"),
        a);
  }

  @Test
  void volumesBecomeTmpfsMountsShapedLikeTheImageDirectory() throws Exception {
    Files.createDirectories(rootfs.resolve("var/lib/db"));
    Files.setAttribute(rootfs.resolve("var/lib/db"), "unix:mode", 0700);
    RuntimeConfig c = convert("{\"Cmd\":[\"x\"],\"Volumes\":{\"/var/lib/db\":{},\"/new\":{}}}", "");
    var db = c.mounts().stream().filter(m -> m.destination().equals("/var/lib/db")).findFirst();
    assertEquals("tmpfs", db.get().type());
    assertTrue(db.get().options().contains("mode=0700"), db.get().options().toString());
    var fresh = c.mounts().stream().filter(m -> m.destination().equals("/new")).findFirst();
    assertEquals(List.of("nosuid", "nodev", "mode=0755"), fresh.get().options());
    assertFalse(c.root().readonly());
    assertThrows(
        ConversionException.class,
        () -> convert("{\"Cmd\":[\"x\"],\"Volumes\":{\"relative\":{}}}", ""));
  }

  @Test
  void volumeWithANulIsRefusedNamingIt() {
    ConversionException e =
        assertThrows(
            ConversionException.class,
            () -> convert("{\"Cmd\":[\"x\"],\"Volumes\":{\"/data\\u0000x\":{}}}", ""));
    assertEquals("Config.Volumes key \"/data\\u0000x\" contains a NUL character", e.getMessage());
  }

  @Test
  void nonLinuxImagesAreRefused() {
    os = "windows";
    ConversionException e =
        assertThrows(ConversionException.class, () -> convert("{\"Cmd\":[\"x\"]}", ""));
    assertTrue(e.getMessage().contains("only linux images"), e.getMessage());
  }
}
