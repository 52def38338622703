package dev.ocikit.image.verify;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes image layouts by hand: blobs under any algorithm, descriptors as JSON text. */
final class TestLayout {
  static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String INDEX = "application/vnd.oci.image.index.v1+json";
  static final String CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String EMPTY = "application/vnd.oci.empty.v1+json";
  static final String TAR = "application/vnd.oci.image.layer.v1.tar";
  static final String TAR_GZIP = "application/vnd.oci.image.layer.v1.tar+gzip";

  final Path root;
  final DigestAlgorithm algorithm;

  TestLayout(Path root, DigestAlgorithm algorithm) throws IOException {
    this.root = root;
    this.algorithm = algorithm;
    Files.createDirectories(root.resolve("blobs"));
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
  }

  /** A stored blob: its digest and a descriptor for it. */
  record Blob(Digest digest, long size, String mediaType) {
    String descriptor() {
      return descriptor("");
    }

    String descriptor(String extra) {
      return "{\"mediaType\":\""
          + mediaType
          + "\",\"digest\":\""
          + digest
          + "\",\"size\":"
          + size
          + extra
          + "}";
    }

    String path() {
      return "blobs/" + digest.algorithm() + "/" + digest.encoded();
    }
  }

  Blob blob(String mediaType, byte[] content) throws IOException {
    Digest d = Digest.compute(algorithm, content);
    Path p = root.resolve("blobs").resolve(d.algorithm().name()).resolve(d.encoded());
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return new Blob(d, content.length, mediaType);
  }

  Blob blob(String mediaType, String json) throws IOException {
    return blob(mediaType, json.getBytes(StandardCharsets.UTF_8));
  }

  Blob config(List<Digest> diffIds) throws IOException {
    StringBuilder ids = new StringBuilder();
    for (Digest d : diffIds) {
      ids.append(ids.length() == 0 ? "" : ",").append('"').append(d).append('"');
    }
    return blob(
        CONFIG,
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":"
            + "\"layers\",\"diff_ids\":["
            + ids
            + "]}}");
  }

  Blob manifest(Blob config, List<Blob> layers, String extra) throws IOException {
    StringBuilder ls = new StringBuilder();
    for (Blob b : layers) {
      ls.append(ls.length() == 0 ? "" : ",").append(b.descriptor());
    }
    return blob(
        MANIFEST,
        "{\"schemaVersion\":2,\"mediaType\":\""
            + MANIFEST
            + "\",\"config\":"
            + config.descriptor()
            + ",\"layers\":["
            + ls
            + "]"
            + extra
            + "}");
  }

  void index(String... descriptors) throws IOException {
    Files.writeString(root.resolve("index.json"), indexJson(descriptors));
  }

  static String indexJson(String... descriptors) {
    return "{\"schemaVersion\":2,\"mediaType\":\""
        + INDEX
        + "\",\"manifests\":["
        + String.join(",", descriptors)
        + "]}";
  }

  /** A one-image layout: one gzip layer holding {@code files}; returns the manifest. */
  Blob image(String... files) throws IOException {
    byte[] tar = tar(files);
    Blob layer = blob(TAR_GZIP, gzip(tar));
    Blob manifest = manifest(config(List.of(Digest.compute(algorithm, tar))), List.of(layer), "");
    index(manifest.descriptor());
    return manifest;
  }

  /** A tar with one small regular file per name (names verbatim, so hostile ones too). */
  static byte[] tar(String... names) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (String n : names) {
        byte[] body = ("content of " + n).getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry e = new TarArchiveEntry(n, true);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(content);
    }
    return out.toByteArray();
  }
}
