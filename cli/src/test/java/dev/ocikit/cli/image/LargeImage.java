package dev.ocikit.cli.image;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an OCI image layout (reference {@code v1}) whose one gzip layer holds many empty files:
 * {@code d0000/f0000} … in directory order, so that {@code d0003} existing means three directories'
 * worth of files were written. Tar headers are written by hand (ustar, all owned by root).
 */
final class LargeImage {
  private LargeImage() {}

  static Path write(Path dir, int dirs, int filesPerDir) throws IOException {
    return write(dir, dirs, filesPerDir, "{\"Cmd\":[\"/bin/sh\"]}", "layers");
  }

  /** As above, with the image config's {@code config} object and {@code rootfs.type}. */
  static Path write(Path dir, int dirs, int filesPerDir, String execConfig, String rootfsType)
      throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    for (int d = 0; d < dirs; d++) {
      String name = String.format("d%04d", d);
      header(tar, name + "/", '5', 0755);
      for (int f = 0; f < filesPerDir; f++) {
        header(tar, String.format("%s/f%04d", name, f), '0', 0644);
      }
    }
    tar.write(new byte[1024]); // end of archive
    byte[] raw = tar.toByteArray();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(raw);
    }
    byte[] layer = gz.toByteArray();
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":"
            + execConfig
            + ",\"rootfs\":{\"type\":\""
            + rootfsType
            + "\",\"diff_ids\":[\""
            + Digest.compute(DigestAlgorithm.SHA256, raw)
            + "\"]}}";
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + blob(dir, "application/vnd.oci.image.config.v1+json", utf8(config))
            + ",\"layers\":["
            + blob(dir, "application/vnd.oci.image.layer.v1.tar+gzip", layer)
            + "]}";
    String descriptor = blob(dir, "application/vnd.oci.image.manifest.v1+json", utf8(manifest));
    Files.writeString(
        dir.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":["
            + descriptor.substring(0, descriptor.length() - 1)
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
    return dir;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Stores a blob; returns its descriptor. */
  private static String blob(Path dir, String mediaType, byte[] content) throws IOException {
    Digest d = Digest.compute(DigestAlgorithm.SHA256, content);
    Files.write(dir.resolve("blobs/sha256/" + d.encoded()), content);
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + d
        + "\",\"size\":"
        + content.length
        + "}";
  }

  /** One ustar header of an empty entry. */
  private static void header(ByteArrayOutputStream out, String name, char type, int mode) {
    byte[] h = new byte[512];
    put(h, 0, name);
    put(h, 100, String.format("%07o", mode));
    put(h, 108, "0000000"); // uid
    put(h, 116, "0000000"); // gid
    put(h, 124, "00000000000"); // size
    put(h, 136, "14000000000"); // mtime
    h[156] = (byte) type;
    put(h, 257, "ustar");
    put(h, 263, "00");
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    put(h, 148, String.format("%06o", sum));
    h[154] = 0;
    h[155] = ' ';
    out.write(h, 0, h.length);
  }

  private static void put(byte[] h, int at, String s) {
    byte[] b = s.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(b, 0, h, at, b.length);
  }
}
