package dev.ocikit.image.tar;

import static org.junit.jupiter.api.Assertions.fail;

import dev.ocikit.image.TarLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Damaged streams make the reader throw an {@link IOException} and nothing else: bytes of valid
 * archives are changed at random, and most damaged headers get their checksum fixed so that the
 * damage reaches the fields behind it. Seeded, so a failure names a case that can be replayed.
 */
class TarReaderRobustnessTest {
  private static final TarLimits SMALL = new TarLimits(1 << 20, 1000, 200, 4096);

  private static List<byte[]> corpus() {
    byte[] xattr = "SCHILY.xattr.user.a=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    return List.of(
        RawTar.tar().file("a", "hello").dir("d/").end().bytes(),
        RawTar.tar()
            .pax('g', "uid=5", "mtime=-1.5")
            .pax('x', "path=p/q", "size=3", "atime=1.25", "linkpath=l")
            .file("f", "abc")
            .gnuLong('L', "long/name")
            .gnuLong('K', "long/link")
            .add(RawTar.header("s", '2', 0))
            .end()
            .bytes(),
        RawTar.tar()
            .paxBody('x', RawTar.record(xattr))
            .add(RawTar.header("b", '0', 0).base256Size(2))
            .body(new byte[] {1, 2})
            .add(RawTar.header("dev", '4', 0).device(8, 1))
            .add(RawTar.header("n", '0', 0).prefix("pre"))
            .end()
            .bytes());
  }

  @Test
  void damagedStreamsFailOnlyWithIoExceptions() {
    List<byte[]> corpus = corpus();
    for (int seed = 0; seed < 4000; seed++) {
      Random r = new Random(seed);
      byte[] tar = corpus.get(seed % corpus.size());
      byte[] damaged =
          Arrays.copyOf(tar, r.nextInt(8) == 0 ? r.nextInt(tar.length + 1) : tar.length);
      int changes = 1 + r.nextInt(6);
      for (int i = 0; i < changes && damaged.length > 0; i++) {
        int at = r.nextInt(damaged.length);
        damaged[at] =
            r.nextBoolean() ? (byte) r.nextInt(256) : (byte) "0 7\n=x\0\u00ff".charAt(r.nextInt(8));
      }
      if (r.nextInt(4) != 0) {
        fixChecksums(damaged);
      }
      try {
        TarReader.readAll(new ByteArrayInputStream(damaged), SMALL);
      } catch (IOException expected) {
        // refused: fine
      } catch (RuntimeException | Error e) {
        fail("seed " + seed + ": " + e, e);
      }
    }
  }

  /** Recomputes the checksum of every block that looks like a header. */
  private static void fixChecksums(byte[] b) {
    for (int h = 0; h + 512 <= b.length; h += 512) {
      if (b[h + 257] != 'u') {
        continue;
      }
      Arrays.fill(b, h + 148, h + 156, (byte) ' ');
      long sum = 0;
      for (int i = 0; i < 512; i++) {
        sum += b[h + i] & 0xff;
      }
      byte[] field = String.format("%06o\0 ", sum).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(field, 0, b, h + 148, 8);
    }
  }
}
