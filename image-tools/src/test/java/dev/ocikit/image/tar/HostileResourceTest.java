package dev.ocikit.image.tar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small inputs that declare huge things, each unpacked or validated in a JVM of its own with a 128
 * MiB heap: every run must end with one clear refusal, never an OutOfMemoryError. The peak resident
 * memory of each child is printed.
 */
class HostileResourceTest {
  private static final long HUGE_RECORD = 256L << 20;

  @TempDir Path dir;

  private record Child(int exit, String out, String err) {
    String line(String prefix) {
      return out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse("");
    }
  }

  private Child child(String name, String mode, Path input, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(
        List.of("-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path")));
    cmd.add(HostileInputMain.class.getName());
    cmd.add(mode);
    cmd.add(input.toString());
    cmd.addAll(Arrays.asList(extra));
    Path out = dir.resolve(name + ".out");
    Path err = dir.resolve(name + ".err");
    Process p =
        new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(600, TimeUnit.SECONDS), "the child did not finish: " + cmd);
    Child c =
        new Child(
            p.exitValue(),
            Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
    System.out.println(
        name + ": " + c.line("REFUSED") + c.line("DONE") + " | " + c.line("PEAK") + " kB");
    return c;
  }

  private static void assertRefused(Child c, String... parts) {
    assertFalse(c.err().contains("OutOfMemoryError"), c.err());
    assertTrue(c.exit() == 0, "exit " + c.exit() + ": " + c.err());
    String refused = c.line("REFUSED");
    for (String p : parts) {
      assertTrue(refused.contains(p), () -> "missing '" + p + "' in: " + c.out());
    }
  }

  /** A gzip stream written as it is made, fast rather than small. */
  private static OutputStream gzip(Path file) throws IOException {
    return new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(file)), 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }

  /** A PAX header whose one record is {@code size} bytes long, written without holding it. */
  private static void hugePaxHeader(OutputStream out, long size) throws IOException {
    out.write(RawTar.header("PaxHeaders/huge", 'x', size).block());
    byte[] head = (size + " path=").getBytes(StandardCharsets.US_ASCII);
    out.write(head);
    byte[] chunk = new byte[1 << 20];
    Arrays.fill(chunk, (byte) 'a');
    long left = size - head.length - 1;
    while (left > 0) {
      int n = (int) Math.min(chunk.length, left);
      out.write(chunk, 0, n);
      left -= n;
    }
    out.write('\n');
    out.write(new byte[(int) (-size & 511)]);
  }

  /** A body the first header block of which has a wrong checksum: it switched off the old guard. */
  private static byte[] junkBody() {
    byte[] junk = new byte[1024];
    Arrays.fill(junk, 0, 512, (byte) 'j');
    return junk;
  }

  @Test
  void duplicateSizeRecordsThenAHugePaxHeader() throws Exception {
    Path layer = dir.resolve("dup-size.tar.gz");
    try (OutputStream out = gzip(layer)) {
      out.write(
          RawTar.tar().pax('x', "size=0", "size=1024").add(RawTar.header("a", '0', 0)).bytes());
      out.write(junkBody());
      hugePaxHeader(out, HUGE_RECORD);
      out.write(RawTar.tar().file("b", "b").end().bytes());
    }
    assertRefused(child("duplicate-size", "unpack", layer), "maxPaxHeaderSize=1048576", "\"a\"");
  }

  @Test
  void globalSizeThenAHugePaxHeader() throws Exception {
    Path layer = dir.resolve("global-size.tar.gz");
    try (OutputStream out = gzip(layer)) {
      out.write(RawTar.tar().pax('g', "size=0").add(RawTar.header("a", '0', 1024)).bytes());
      hugePaxHeader(out, HUGE_RECORD);
      out.write(RawTar.tar().file("b", "b").end().bytes());
    }
    assertRefused(child("global-size", "unpack", layer), "maxPaxHeaderSize=1048576");
  }

  @Test
  void aGibibytePaxRecordInASparseArchiveFile() throws Exception {
    Path archive = dir.resolve("image.tar");
    long size = 1L << 30;
    try (RandomAccessFile f = new RandomAccessFile(archive.toFile(), "rw")) {
      f.write(RawTar.tar().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}").bytes());
      f.write(RawTar.header("PaxHeaders/huge", 'x', size).block());
      f.write((size + " path=").getBytes(StandardCharsets.US_ASCII));
      long end = f.getFilePointer() - (size + " path=").length() + size; // a hole up to the newline
      f.seek(end - 1);
      f.write('\n');
      f.write(new byte[(int) (-size & 511)]);
      f.write(RawTar.tar().file("index.json", "{}").end().bytes());
    }
    assertTrue(Files.size(archive) > size, "apparent size");
    assertRefused(child("archive-pax", "validate", archive), "maxPaxHeaderSize=1048576");
  }

  @Test
  void aZstdBombUnderValidationWithALowerTotal() throws Exception {
    Path layout = dir.resolve("layout");
    Files.createDirectories(layout.resolve("blobs/sha256"));
    Path layer = dir.resolve("bomb.tar.zst");
    long size = 4L << 30;
    try (OutputStream out = new ZstdOutputStreamNoFinalizer(Files.newOutputStream(layer), 3)) {
      out.write(RawTar.header("zeros", '0', size).block());
      byte[] zeros = new byte[1 << 20];
      for (long left = size + 1024; left > 0; left -= zeros.length) {
        out.write(zeros, 0, (int) Math.min(zeros.length, left));
      }
    }
    String layerDescriptor =
        blob(layout, "application/vnd.oci.image.layer.v1.tar+zstd", Files.readAllBytes(layer));
    String config =
        blob(
            layout,
            "application/vnd.oci.image.config.v1+json",
            ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\","
                    + "\"diff_ids\":[\"sha256:"
                    + "0".repeat(64)
                    + "\"]}}")
                .getBytes(StandardCharsets.UTF_8));
    String manifest =
        blob(
            layout,
            "application/vnd.oci.image.manifest.v1+json",
            ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                    + "\"config\":"
                    + config
                    + ",\"layers\":["
                    + layerDescriptor
                    + "]}")
                .getBytes(StandardCharsets.UTF_8));
    Files.writeString(layout.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    Files.writeString(
        layout.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[" + manifest + "]}");
    assertTrue(Files.size(layer) < (1 << 20), "a small blob: " + Files.size(layer));
    assertRefused(
        child("zstd-bomb", "validate", layout, String.valueOf(256L << 20)),
        "layers[0]",
        "entry \"zeros\": limit maxTotalBytes=268435456 exceeded");
  }

  /** Stores a blob and returns its descriptor. */
  private static String blob(Path layout, String mediaType, byte[] content) throws IOException {
    Digest d = Digest.compute(DigestAlgorithm.SHA256, content);
    Files.write(layout.resolve("blobs/sha256").resolve(d.encoded()), content);
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + d
        + "\",\"size\":"
        + content.length
        + "}";
  }

  @Test
  void aSparseMapOfFortyMillionRegions() throws Exception {
    Path layer = dir.resolve("sparse-map.tar.gz");
    long regions = 40_000_000L;
    byte[] pair = "0\n0\n".getBytes(StandardCharsets.US_ASCII);
    long mapSize = (regions + "\n").length() + regions * pair.length;
    try (OutputStream out = gzip(layer)) {
      out.write(
          RawTar.tar()
              .pax(
                  'x',
                  "GNU.sparse.major=1",
                  "GNU.sparse.minor=0",
                  "GNU.sparse.name=big",
                  "GNU.sparse.realsize=" + regions)
              .add(RawTar.header("GNUSparseFile.0/big", '0', mapSize))
              .bytes());
      out.write((regions + "\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[pair.length * 65536];
      for (int i = 0; i < chunk.length; i += pair.length) {
        System.arraycopy(pair, 0, chunk, i, pair.length);
      }
      for (long left = regions * pair.length; left > 0; left -= chunk.length) {
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
      out.write(new byte[(int) (-mapSize & 511)]);
      out.write(new byte[1024]);
    }
    assertRefused(child("sparse-map", "unpack", layer), "sparse", "GNUSparseFile.0/big");
  }
}
