package dev.ocikit.image.bundle;

import dev.ocikit.image.unpack.Compression;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.image.unpack.UnpackException;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.InvalidDigestException;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.image.Descriptor;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.zstandard.ZstdCompressorInputStream;

/**
 * Turns an image's layer descriptors into {@link LayerSource}s read in one pass each: blob bytes
 * through a {@link VerifyingInputStream} (digest and size), decompressed here, hashed against the
 * config's DiffID, then handed to the applier as plain tar.
 *
 * @see <a href="https://github.com/opencontainers/image-spec/blob/v1.1.1/config.md#layer-diffid">
 *     layer DiffID</a>
 */
public final class VerifiedLayers {
  private VerifiedLayers() {}

  /**
   * The layers of {@code image}, in order.
   *
   * @throws IOException if a layer descriptor or DiffID is malformed or of an unknown type
   */
  public static List<LayerSource> of(ImageBlobs blobs, ResolvedImage image, Progress progress)
      throws IOException {
    List<Descriptor> layers = image.manifest().layers();
    List<String> diffIds = image.config().rootfs().diffIds();
    List<LayerSource> out = new ArrayList<>();
    for (int i = 0; i < layers.size(); i++) {
      Descriptor d = layers.get(i);
      String where = "manifest layers[" + i + "]";
      Digest digest = JsonBlobs.digestOf(d, where);
      Digest diffId = parseDiffId(diffIds.get(i), i);
      if (!digest.algorithm().isVerifiable() || !diffId.algorithm().isVerifiable()) {
        throw new UnpackException(where + ": digest algorithm cannot be verified");
      }
      Compression c = compressionOf(d.mediaType(), where);
      long size = d.size();
      int index = i;
      String label = "layer " + i + " (" + digest + ")";
      LayerSource.Opener opener =
          () -> {
            progress.layerStarted(index, digest.toString(), size);
            InputStream raw = counted(blobs.openBlob(digest), progress);
            return open(raw, digest, size, diffId, c, label);
          };
      out.add(new LayerSource(digest.toString(), Compression.NONE, opener));
    }
    return out;
  }

  private static InputStream open(
      InputStream raw, Digest digest, long size, Digest diffId, Compression c, String label)
      throws IOException {
    VerifyingInputStream blob =
        new VerifyingInputStream(new BufferedInputStream(raw, 1 << 16), digest, size, label);
    try {
      InputStream sniffable = new BufferedInputStream(blob, 1 << 16);
      Compression actual = c == Compression.DETECT ? detect(sniffable) : c;
      InputStream tar =
          switch (actual) {
            case GZIP -> new GzipCompressorInputStream(sniffable, true);
            case ZSTD -> new ZstdCompressorInputStream(sniffable);
            default -> sniffable;
          };
      boolean same = actual == Compression.NONE && diffId.equals(digest);
      return new DiffIdStream(tar, diffId, same, blob, label);
    } catch (IOException | RuntimeException e) {
      blob.close();
      throw e;
    }
  }

  private static Digest parseDiffId(String unsafe, int i) throws IOException {
    try {
      return Digest.parse(String.valueOf(unsafe));
    } catch (InvalidDigestException e) {
      throw new IOException("config rootfs.diff_ids[" + i + "]: " + e.getMessage(), e);
    }
  }

  /** The layer media types of the image-spec, plus Docker's gzip layers; others are refused. */
  static Compression compressionOf(String mediaType, String where) throws IOException {
    String t = mediaType == null ? "" : mediaType;
    if (t.startsWith("application/vnd.oci.image.layer.")
        || t.startsWith("application/vnd.docker.image.rootfs.")) {
      return Compression.fromMediaType(t);
    }
    throw new UnpackException(where + ": '" + t + "' is not a layer media type");
  }

  private static Compression detect(InputStream in) throws IOException {
    in.mark(4);
    byte[] m = in.readNBytes(4);
    in.reset();
    if (m.length >= 2 && (m[0] & 0xff) == 0x1f && (m[1] & 0xff) == 0x8b) {
      return Compression.GZIP;
    }
    boolean zstd =
        m.length == 4
            && (m[0] & 0xff) == 0x28
            && (m[1] & 0xff) == 0xb5
            && (m[2] & 0xff) == 0x2f
            && (m[3] & 0xff) == 0xfd;
    return zstd ? Compression.ZSTD : Compression.NONE;
  }

  private static InputStream counted(InputStream in, Progress progress) {
    if (progress == Progress.NONE) {
      return in;
    }
    return new FilterInputStream(in) {
      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
          progress.bytesRead(n);
        }
        return n;
      }
    };
  }
}
