package dev.ocikit.image.unpack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Test-only writer: an OCI image layout holding one image of gzip layers under one tag. */
final class OciLayoutWriter {
  private static final String LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

  private OciLayoutWriter() {}

  /**
   * Writes {@code tars} (uncompressed layers, bottom first) as image {@code tag} at {@code dir}.
   */
  static void write(Path dir, String tag, List<byte[]> tars) throws IOException {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    List<String> layers = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (byte[] tar : tars) {
      layers.add(descriptor(LAYER, blob(dir, gzip(tar))));
      diffIds.add('"' + digest(tar) + '"');
    }
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},"
            + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
            + String.join(",", diffIds)
            + "]}}";
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + descriptor("application/vnd.oci.image.config.v1+json", blob(dir, utf8(config)))
            + ",\"layers\":["
            + String.join(",", layers)
            + "]}";
    String m = descriptor("application/vnd.oci.image.manifest.v1+json", blob(dir, utf8(manifest)));
    String tagged =
        m.substring(0, m.length() - 1)
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\""
            + tag
            + "\"}}";
    Files.writeString(
        dir.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[" + tagged + "]}");
  }

  /** A stored blob: its digest and size. */
  private record Blob(String digest, int size) {}

  private static Blob blob(Path dir, byte[] content) throws IOException {
    String d = digest(content);
    Files.write(dir.resolve("blobs/sha256").resolve(d.substring("sha256:".length())), content);
    return new Blob(d, content.length);
  }

  private static String descriptor(String mediaType, Blob b) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + b.digest()
        + "\",\"size\":"
        + b.size()
        + "}";
  }

  private static String digest(byte[] content) {
    return "sha256:" + TreeSnapshot.sha256(content);
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream g =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.BEST_SPEED); // the test's time goes to unpacking, not here
          }
        }) {
      g.write(raw);
    }
    return out.toByteArray();
  }
}
