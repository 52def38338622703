package dev.ocikit.image.bundle;

import dev.ocikit.image.Progress;
import dev.ocikit.image.ResolvedImage;
import dev.ocikit.image.UnpackException;
import dev.ocikit.image.layout.ImageSource;
import dev.ocikit.image.layout.LayerContent;
import dev.ocikit.image.unpack.LayerSource;
import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.InvalidDigestException;
import dev.ocikit.spec.digest.VerifyingInputStream;
import dev.ocikit.spec.image.Descriptor;
import dev.ocikit.spec.mediatype.Compression;
import dev.ocikit.spec.mediatype.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an image's layer descriptors into {@link LayerSource}s read in one pass each through the
 * shared {@link LayerContent} pipeline (blob digest and size, decompression, DiffID), with the
 * DiffID compared to the config's {@code rootfs.diff_ids} at the end of the tar stream.
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
  public static List<LayerSource> of(ImageSource blobs, ResolvedImage image, Progress progress)
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
            VerifyingInputStream blob = new VerifyingInputStream(raw, digest, size, label);
            return checked(LayerContent.open(blob, digest, c, diffId.algorithm()), diffId, label);
          };
      out.add(new LayerSource(digest.toString(), Compression.NONE, opener)); // decompressed above
    }
    return out;
  }

  /** At the end of the tar stream, the DiffID must be the config's. */
  private static InputStream checked(LayerContent layer, Digest expected, String label) {
    return new FilterInputStream(layer) {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = layer.read(b, off, len);
        if (n < 0 && !layer.diffId().equals(expected)) {
          throw new UnpackException(
              label
                  + ": config rootfs.diff_ids says "
                  + expected
                  + " but the uncompressed layer hashes to "
                  + layer.diffId());
        }
        return n;
      }
    };
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
      // A layer type with a suffix we do not know is sniffed from its bytes (UNKNOWN).
      return MediaType.tryParse(t).map(MediaType::compression).orElse(Compression.UNKNOWN);
    }
    throw new UnpackException(where + ": '" + t + "' is not a layer media type");
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
