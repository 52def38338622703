package dev.ocikit.image.unpack;

import dev.ocikit.image.layout.LayerContent;
import dev.ocikit.image.layout.ReadAhead;
import dev.ocikit.image.tar.TarBudget;
import dev.ocikit.image.tar.TarReader;
import dev.ocikit.spec.mediatype.Compression;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * One opened layer: blob bytes, decompressed by the shared {@link LayerContent#decompress} (gzip,
 * zstd or none, from the declared compression or, when that is {@link Compression#UNKNOWN}, the
 * magic bytes) on a read-ahead thread, and read as tar by the one {@link TarReader}, which charges
 * every decompressed byte to the unpack's budget and reads what follows the end marker too.
 */
final class LayerStream implements Closeable {
  private final ReadAhead ahead;
  final TarReader tar;

  private LayerStream(ReadAhead ahead, TarReader tar) {
    this.ahead = ahead;
    this.tar = tar;
  }

  static LayerStream open(LayerSource source, TarBudget budget) throws IOException {
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
      return new LayerStream(ahead, new TarReader(ahead, budget));
    } catch (IOException | RuntimeException e) {
      if (ahead != null) {
        ahead.close();
      } else {
        raw.close();
      }
      throw e;
    }
  }

  @Override
  public void close() throws IOException {
    ahead.close(); // stops and joins the reader, which closes the streams it read
  }
}
