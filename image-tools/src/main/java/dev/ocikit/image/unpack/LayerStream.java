package dev.ocikit.image.unpack;

import dev.ocikit.image.layout.LayerContent;
import dev.ocikit.image.layout.ReadAhead;
import dev.ocikit.spec.mediatype.Compression;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * One opened layer: blob bytes, decompressed by the shared {@link LayerContent#decompress} (gzip,
 * zstd or none, from the declared compression or, when that is {@link Compression#UNKNOWN}, the
 * magic bytes), charged to the byte budget, header-guarded and parsed as tar.
 */
final class LayerStream implements Closeable {
  private final ReadAhead ahead;
  private final InputStream expanded;
  final TarArchiveInputStream tar;

  private LayerStream(ReadAhead ahead, InputStream expanded, TarArchiveInputStream tar) {
    this.ahead = ahead;
    this.expanded = expanded;
    this.tar = tar;
  }

  static LayerStream open(LayerSource source, ByteBudget budget, UnpackOptions opts)
      throws IOException {
    InputStream raw = new BufferedInputStream(source.opener().open(), 1 << 16);
    ReadAhead ahead = null;
    try {
      Compression c = source.compression();
      InputStream compressed = raw;
      if (c == Compression.UNKNOWN) {
        PushbackInputStream sniffed = new PushbackInputStream(raw, 4);
        c = LayerContent.sniff(sniffed);
        compressed = sniffed;
      }
      InputStream decompressed = LayerContent.decompress(compressed, c);
      // From here on only the reader thread touches raw and decompressed.
      ahead = new ReadAhead(decompressed, raw, source.name());
      InputStream expanded = budget.wrap(ahead);
      InputStream guarded =
          new TarHeaderGuard(expanded, opts.maxPaxHeaderSize(), opts.maxPathLength());
      return new LayerStream(ahead, expanded, new TarArchiveInputStream(guarded, "UTF-8"));
    } catch (IOException | RuntimeException e) {
      if (ahead != null) {
        ahead.close();
      } else {
        raw.close();
      }
      throw e;
    }
  }

  /**
   * Reads what follows the tar end marker (padding, trailing data) so that a verifying stream
   * wrapped around the blob sees every byte (the reader thread drains the compressed stream after
   * the decompressed one); decompressed bytes still count against the budget.
   */
  void drain() throws IOException {
    expanded.transferTo(OutputStream.nullOutputStream());
  }

  @Override
  public void close() throws IOException {
    ahead.close(); // stops and joins the reader, which closes the streams it read
  }
}
