package dev.ocikit.image.bundle;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Writes small OCI image layouts by hand: blobs, manifests, configs and indexes as JSON text. */
final class LayoutWriter {
  final Path dir;

  /** When set, written into the next configs instead of the true DiffID. */
  String diffIdOverride;

  /** The {@code rootfs.type} written into the next configs; null leaves the field out. */
  String rootfsType = "layers";

  LayoutWriter(Path dir) throws IOException {
    this.dir = dir;
    Files.createDirectories(dir.resolve("blobs/sha256"));
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  /** Stores a blob and returns its digest. */
  String blob(byte[] content) throws IOException {
    Digest d = Digest.compute(DigestAlgorithm.SHA256, content);
    Files.write(dir.resolve("blobs/sha256/" + d.encoded()), content);
    return d.toString();
  }

  static String descriptor(String mediaType, String digest, long size, String extra) {
    return "{\"mediaType\":\""
        + mediaType
        + "\",\"digest\":\""
        + digest
        + "\",\"size\":"
        + size
        + (extra.isEmpty() ? "" : "," + extra)
        + "}";
  }

  /** A layer: gzip of a tar with one file {@code path} holding {@code content}. */
  static byte[] tar(String path, String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream t = new TarArchiveOutputStream(out)) {
      byte[] data = content.getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry e = new TarArchiveEntry(path);
      e.setSize(data.length);
      e.setMode(0644);
      t.putArchiveEntry(e);
      t.write(data);
      t.closeArchiveEntry();
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream g = new GzipCompressorOutputStream(out)) {
      g.write(raw);
    }
    return out.toByteArray();
  }

  /**
   * An image with one gzip layer holding {@code /marker} = {@code marker}; returns the manifest
   * descriptor JSON (with {@code extra} properties such as platform and annotations).
   */
  String image(String os, String arch, String marker, String execConfig, String extra)
      throws IOException {
    byte[] tar = tar("marker", marker);
    byte[] layer = gzip(tar);
    String layerDigest = blob(layer);
    String diffId =
        diffIdOverride != null
            ? diffIdOverride
            : Digest.compute(DigestAlgorithm.SHA256, tar).toString();
    String config =
        "{\"architecture\":\""
            + arch
            + "\",\"os\":\""
            + os
            + "\",\"config\":"
            + execConfig
            + ",\"rootfs\":{"
            + (rootfsType == null ? "" : "\"type\":\"" + rootfsType + "\",")
            + "\"diff_ids\":[\""
            + diffId
            + "\"]}}";
    byte[] cb = config.getBytes(StandardCharsets.UTF_8);
    String configDigest = blob(cb);
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":"
            + descriptor("application/vnd.oci.image.config.v1+json", configDigest, cb.length, "")
            + ",\"layers\":["
            + descriptor(
                "application/vnd.oci.image.layer.v1.tar+gzip", layerDigest, layer.length, "")
            + "]}";
    byte[] mb = manifest.getBytes(StandardCharsets.UTF_8);
    return descriptor("application/vnd.oci.image.manifest.v1+json", blob(mb), mb.length, extra);
  }

  /** An index document listing {@code descriptors}. */
  static String index(List<String> descriptors) {
    return "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
        + "\"manifests\":["
        + String.join(",", descriptors)
        + "]}";
  }

  /** Stores a nested index and returns its descriptor JSON. */
  String nestedIndex(List<String> descriptors, String extra) throws IOException {
    byte[] b = index(descriptors).getBytes(StandardCharsets.UTF_8);
    return descriptor("application/vnd.oci.image.index.v1+json", blob(b), b.length, extra);
  }

  void writeIndex(String... descriptors) throws IOException {
    Files.writeString(dir.resolve("index.json"), index(new ArrayList<>(List.of(descriptors))));
  }

  static String platform(String os, String arch, String variant) {
    return "\"platform\":{\"os\":\""
        + os
        + "\",\"architecture\":\""
        + arch
        + "\""
        + (variant == null ? "" : ",\"variant\":\"" + variant + "\"")
        + "}";
  }

  static String refName(String name) {
    return "\"annotations\":{\"org.opencontainers.image.ref.name\":\"" + name + "\"}";
  }

  static String digestOf(String descriptorJson) {
    int i = descriptorJson.indexOf("sha256:");
    return descriptorJson.substring(i, i + 71);
  }
}
