package dev.ocikit.image.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.digest.Digest;
import dev.ocikit.spec.digest.DigestAlgorithm;
import dev.ocikit.spec.digest.Hasher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The header walk names the same entries as commons-compress for every long-name and big-number
 * mode it writes, hashes every byte, and refuses broken headers and truncated bodies.
 */
class TarScannerTest {
  private static final String LONG = "deep/" + "d".repeat(120) + "/" + "é".repeat(70) + "/file";

  private static byte[] tar(int longFileMode, int bigNumberMode, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(longFileMode);
      tar.setBigNumberMode(bigNumberMode);
      tar.setAddPaxHeadersForNonAsciiNames(longFileMode == TarArchiveOutputStream.LONGFILE_POSIX);
      String[] names = {"a/", "a/small", LONG, "a/" + "p".repeat(99), "empty", "a/link"};
      for (String n : names) {
        TarArchiveEntry e;
        if (n.endsWith("link")) {
          e = new TarArchiveEntry(n, TarArchiveEntry.LF_SYMLINK);
          e.setLinkName("small");
        } else {
          e = new TarArchiveEntry(n, true);
        }
        byte[] body =
            new byte
                [n.startsWith("empty") || e.isDirectory() || e.isSymbolicLink()
                    ? 0
                    : 700 + random.nextInt(5000)];
        random.nextBytes(body);
        e.setSize(body.length);
        tar.putArchiveEntry(e);
        tar.write(body);
        tar.closeArchiveEntry();
      }
    }
    return out.toByteArray();
  }

  private static List<String> scan(byte[] tar, Hasher hasher) throws IOException {
    List<String> names = new ArrayList<>();
    new TarScanner(new ByteArrayInputStream(tar), hasher).scan((n, t) -> names.add(n));
    return names;
  }

  private static List<String> commons(byte[] tar) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        names.add(e.getName());
      }
    }
    return names;
  }

  @ParameterizedTest
  @ValueSource(
      ints = {
        TarArchiveOutputStream.LONGFILE_POSIX,
        TarArchiveOutputStream.LONGFILE_GNU,
        TarArchiveOutputStream.LONGFILE_TRUNCATE
      })
  void namesAgreeWithCommonsCompressAndEveryByteIsHashed(int longFileMode) throws IOException {
    byte[] tar =
        tar(longFileMode, TarArchiveOutputStream.BIGNUMBER_POSIX, new Random(longFileMode));
    Hasher h = DigestAlgorithm.SHA256.newHasher();
    List<String> names = scan(tar, h);
    assertEquals(commons(tar), names);
    assertEquals(6, names.size());
    assertEquals(Digest.compute(DigestAlgorithm.SHA256, tar), h.digest());
  }

  @Test
  void slowStreamAndSmallReadsGiveTheSameResult() throws IOException {
    byte[] tar = tar(TarArchiveOutputStream.LONGFILE_POSIX, 0, new Random(7));
    InputStream trickle =
        new ByteArrayInputStream(tar) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 37));
          }
        };
    List<String> names = new ArrayList<>();
    new TarScanner(trickle, null).scan((n, t) -> names.add(n));
    assertEquals(commons(tar), names);
  }

  @Test
  void headerOnlyTypesHaveNoBodyWhateverTheirSizeSays() throws IOException {
    byte[] tar = tar(TarArchiveOutputStream.LONGFILE_POSIX, 0, new Random(1));
    // Find the symlink header and give it a size of 1024: Go's reader ignores it, so do we.
    int at = indexOf(tar, "a/link".getBytes(StandardCharsets.US_ASCII));
    writeOctal(tar, at + 124, 12, 1024);
    fixChecksum(tar, at);
    assertEquals(
        List.of("a/", "a/small", LONG, "a/" + "p".repeat(99), "empty", "a/link"), scan(tar, null));
  }

  @Test
  void corruptHeaderAndTruncatedBodyAreRefused() throws IOException {
    byte[] tar = tar(TarArchiveOutputStream.LONGFILE_POSIX, 0, new Random(2));
    byte[] flipped = tar.clone();
    flipped[indexOf(tar, "a/small".getBytes(StandardCharsets.US_ASCII)) + 2] ^= 1;
    IOException bad = assertThrows(IOException.class, () -> scan(flipped, null));
    assertTrue(bad.getMessage().contains("checksum"), bad.getMessage());
    byte[] cut = Arrays.copyOf(tar, 512 * 3 + 100);
    IOException shortBody = assertThrows(IOException.class, () -> scan(cut, null));
    assertTrue(shortBody.getMessage().contains("ends inside"), shortBody.getMessage());
  }

  @Test
  void endMarkerMayBeMissingAndTrailingBytesAreHashed() throws IOException {
    byte[] tar = tar(TarArchiveOutputStream.LONGFILE_POSIX, 0, new Random(3));
    int end = tar.length;
    while (end >= 512 && allZero(tar, end - 512, end)) {
      end -= 512;
    }
    byte[] noMarker = Arrays.copyOf(tar, end);
    assertEquals(6, scan(noMarker, null).size());
    byte[] trailing = Arrays.copyOf(tar, tar.length + 3);
    trailing[trailing.length - 1] = 9;
    Hasher h = DigestAlgorithm.SHA256.newHasher();
    assertEquals(6, scan(trailing, h).size());
    assertEquals(Digest.compute(DigestAlgorithm.SHA256, trailing), h.digest());
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] hay, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= hay.length; i += 512) {
      for (int j = 0; j < needle.length; j++) {
        if (hay[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new AssertionError("no header named " + new String(needle, StandardCharsets.UTF_8));
  }

  private static void writeOctal(byte[] b, int off, int len, long value) {
    String s = String.format("%0" + (len - 1) + "o", value);
    System.arraycopy(s.getBytes(StandardCharsets.US_ASCII), 0, b, off, len - 1);
    b[off + len - 1] = 0;
  }

  private static void fixChecksum(byte[] b, int h) {
    Arrays.fill(b, h + 148, h + 156, (byte) ' ');
    long sum = 0;
    for (int i = 0; i < 512; i++) {
      sum += b[h + i] & 0xff;
    }
    writeOctal(b, h + 148, 7, sum);
    b[h + 155] = ' ';
  }
}
