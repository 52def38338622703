package dev.ocikit.spec.digest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VerifyingInputStreamTest {
  private static final byte[] CONTENT = DigestVectors.pattern(1000);
  private static final Digest DIGEST = Digest.compute(DigestAlgorithm.SHA256, CONTENT);
  private static final String CONTEXT = "blobs/sha256/" + DIGEST.encoded().substring(0, 12);
  private static final Digest UNVERIFIABLE =
      Digest.parse("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8");

  private static VerifyingInputStream verifying(byte[] bytes, Digest digest, long size) {
    return new VerifyingInputStream(new ByteArrayInputStream(bytes), digest, size, CONTEXT);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sha256", "sha512", "blake3"})
  void exactContentIsReturnedAndVerified(String algorithm) throws IOException {
    Digest digest = Digest.compute(DigestAlgorithm.parse(algorithm), CONTENT);
    try (VerifyingInputStream in = verifying(CONTENT, digest, CONTENT.length)) {
      assertTrue(in.digestCheckable());
      assertFalse(in.verified());
      assertArrayEquals(CONTENT, in.readAllBytes());
      assertTrue(in.verified());
      assertTrue(in.sizeVerified());
      assertEquals(Optional.of(digest), in.actualDigest());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void readingExactlyTheDeclaredSizeVerifiesWithoutAnExtraRead() throws IOException {
    VerifyingInputStream in = verifying(CONTENT, DIGEST, CONTENT.length);
    assertArrayEquals(CONTENT, in.readNBytes(CONTENT.length));
    assertTrue(in.verified());
  }

  @Test
  void singleByteReadsVerify() throws IOException {
    VerifyingInputStream in = verifying(CONTENT, DIGEST, CONTENT.length);
    byte[] out = new byte[CONTENT.length];
    for (int i = 0; i < out.length; i++) {
      int b = in.read();
      assertTrue(b >= 0, "byte " + i);
      out[i] = (byte) b;
    }
    assertEquals(-1, in.read());
    assertArrayEquals(CONTENT, out);
    assertTrue(in.verified());
  }

  @Test
  void shortContentIsASizeMismatch() {
    byte[] shorter = Arrays.copyOf(CONTENT, CONTENT.length - 1);
    VerifyingInputStream in = verifying(shorter, DIGEST, CONTENT.length);
    SizeMismatchException e = assertThrows(SizeMismatchException.class, in::readAllBytes);
    assertEquals(1000, e.expectedSize());
    assertEquals(999, e.actualSize());
    assertFalse(e.trailingData());
    assertEquals(CONTEXT, e.context());
    assertEquals(CONTEXT + ": expected size 1000 but the content ends after 999", e.getMessage());
    assertFalse(in.verified());
    assertFalse(in.sizeVerified());
  }

  @Test
  void trailingBytesAreASizeMismatch() {
    byte[] longer = Arrays.copyOf(CONTENT, CONTENT.length + 1);
    VerifyingInputStream in = verifying(longer, DIGEST, CONTENT.length);
    SizeMismatchException e = assertThrows(SizeMismatchException.class, in::readAllBytes);
    assertTrue(e.trailingData());
    assertEquals(1000, e.expectedSize());
    assertEquals(1001, e.actualSize());
    assertTrue(e.getMessage().startsWith(CONTEXT + ": expected size 1000"), e.getMessage());
    assertTrue(e.getMessage().contains("continues past it"), e.getMessage());
    assertFalse(in.verified());
  }

  @Test
  void everyTamperedByteIsADigestMismatch() throws IOException {
    for (int i = 0; i < CONTENT.length; i++) {
      byte[] tampered = CONTENT.clone();
      tampered[i] ^= 0x01;
      VerifyingInputStream in = verifying(tampered, DIGEST, CONTENT.length);
      DigestMismatchException e = assertThrows(DigestMismatchException.class, in::drain);
      Digest actual = Digest.compute(DigestAlgorithm.SHA256, tampered);
      assertEquals(DIGEST, e.expected());
      assertEquals(actual, e.actual());
      assertEquals(
          CONTEXT + ": expected digest " + DIGEST + " but the content hashes to " + actual,
          e.getMessage());
      assertFalse(in.verified());
      assertTrue(in.sizeVerified(), "size was right at byte " + i);
    }
  }

  @Test
  void failuresAreThrownAgainOnLaterReads() throws IOException {
    byte[] tampered = CONTENT.clone();
    tampered[0] ^= 0x01;
    VerifyingInputStream in = verifying(tampered, DIGEST, CONTENT.length);
    DigestMismatchException first = assertThrows(DigestMismatchException.class, in::drain);
    assertSame(first, assertThrows(DigestMismatchException.class, in::read));
    assertSame(first, assertThrows(DigestMismatchException.class, () -> in.read(new byte[5])));
  }

  @Test
  void readsNeverGoPastTheDeclaredSize() throws IOException {
    byte[] underlying = DigestVectors.pattern(5000);
    byte[] declared = Arrays.copyOf(underlying, 300);
    CountingStream counting = new CountingStream(underlying);
    VerifyingInputStream in =
        new VerifyingInputStream(
            counting, Digest.compute(DigestAlgorithm.SHA256, declared), 300, CONTEXT);
    byte[] buffer = new byte[4096];
    assertEquals(200, in.read(buffer, 0, 200));
    assertEquals(200, counting.largestRequest);
    // The caller asks for 4096 but only the 100 declared bytes are requested, then one probe.
    SizeMismatchException e =
        assertThrows(SizeMismatchException.class, () -> in.read(buffer, 0, buffer.length));
    assertTrue(e.trailingData());
    assertEquals(List.of(200, 100), counting.requests);
    assertEquals(300, counting.bulkBytes);
    assertEquals(1, counting.probes, "exactly one byte probed for trailing data");
    assertEquals(5000 - 301, counting.data.available(), "nothing read beyond the probe");
  }

  @Test
  void drainFinishesVerificationAfterAPartialRead() throws IOException {
    VerifyingInputStream in = verifying(CONTENT, DIGEST, CONTENT.length);
    assertEquals(10, in.readNBytes(10).length);
    assertFalse(in.verified());
    in.drain();
    assertTrue(in.verified());
    assertEquals(Optional.of(DIGEST), in.actualDigest());
  }

  @Test
  void skippedBytesAreStillHashed() throws IOException {
    byte[] tampered = CONTENT.clone();
    tampered[3] ^= 0x01;
    VerifyingInputStream in = verifying(tampered, DIGEST, CONTENT.length);
    assertEquals(500, in.skip(500));
    assertThrows(DigestMismatchException.class, in::readAllBytes);

    VerifyingInputStream good = verifying(CONTENT, DIGEST, CONTENT.length);
    assertEquals(500, good.skip(500));
    assertArrayEquals(Arrays.copyOfRange(CONTENT, 500, 1000), good.readAllBytes());
    assertTrue(good.verified());
  }

  @Test
  void emptyContentVerifiesAndRejectsAnyByte() throws IOException {
    Digest empty = Digest.parse("sha256:" + DigestVectors.SHA256_EMPTY);
    VerifyingInputStream in = verifying(new byte[0], empty, 0);
    assertEquals(-1, in.read());
    assertTrue(in.verified());
    VerifyingInputStream extra = verifying(new byte[1], empty, 0);
    assertTrue(assertThrows(SizeMismatchException.class, extra::read).trailingData());
  }

  @Test
  void unverifiableAlgorithmStillEnforcesSize() throws IOException {
    VerifyingInputStream in = verifying(CONTENT, UNVERIFIABLE, CONTENT.length);
    assertFalse(in.digestCheckable());
    assertArrayEquals(CONTENT, in.readAllBytes());
    assertTrue(in.sizeVerified());
    assertFalse(in.verified(), "digest was not checked");
    assertEquals(Optional.empty(), in.actualDigest());

    VerifyingInputStream longer = verifying(CONTENT, UNVERIFIABLE, CONTENT.length - 1);
    assertThrows(SizeMismatchException.class, longer::drain);
    VerifyingInputStream shorter = verifying(CONTENT, UNVERIFIABLE, CONTENT.length + 1);
    assertThrows(SizeMismatchException.class, shorter::drain);
  }

  @Test
  void availableIsCappedAndMarkIsUnsupported() throws IOException {
    VerifyingInputStream in = verifying(DigestVectors.pattern(5000), DIGEST, 10);
    assertEquals(10, in.available());
    assertFalse(in.markSupported());
    assertThrows(IOException.class, in::reset);
  }

  @Test
  void rejectsNegativeSize() {
    assertThrows(IllegalArgumentException.class, () -> verifying(CONTENT, DIGEST, -1));
  }

  /** Records how the verifying stream reads from the underlying one. */
  private static final class CountingStream extends InputStream {
    private final ByteArrayInputStream data;
    final List<Integer> requests = new ArrayList<>();
    int bulkBytes;
    int probes;
    int largestRequest;

    CountingStream(byte[] bytes) {
      data = new ByteArrayInputStream(bytes);
    }

    @Override
    public int read() {
      probes++;
      return data.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      requests.add(len);
      largestRequest = Math.max(largestRequest, len);
      int n = data.read(b, off, len);
      bulkBytes += Math.max(n, 0);
      return n;
    }
  }
}
