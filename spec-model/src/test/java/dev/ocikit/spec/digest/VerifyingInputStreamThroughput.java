package dev.ocikit.spec.digest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Random;

/**
 * Prints how fast content streams through {@link VerifyingInputStream} per algorithm. A manual
 * measurement, not a test (no timed assertions): run its {@code main} with about 1 GB of heap.
 */
public final class VerifyingInputStreamThroughput {
  private static final int SIZE = 256 * 1024 * 1024;
  private static final int BUFFER = 128 * 1024;
  private static final int RUNS = 3;

  private VerifyingInputStreamThroughput() {}

  public static void main(String[] args) throws IOException {
    byte[] content = new byte[SIZE];
    new Random(42).nextBytes(content);
    System.out.printf(
        "%s %s, %d MB in memory, %d KB reads%n",
        System.getProperty("java.vm.name"),
        System.getProperty("java.version"),
        SIZE >> 20,
        BUFFER >> 10);
    for (DigestAlgorithm algorithm : DigestAlgorithm.registered()) {
      Digest digest = Digest.compute(algorithm, content);
      read(content, digest); // warm-up so the JIT has compiled the hot loops
      double best = 0;
      double total = 0;
      for (int i = 0; i < RUNS; i++) {
        long start = System.nanoTime();
        read(content, digest);
        double mbPerSecond = (SIZE / 1e6) / ((System.nanoTime() - start) / 1e9);
        best = Math.max(best, mbPerSecond);
        total += mbPerSecond;
      }
      System.out.printf("%-7s best %7.0f MB/s, mean %7.0f MB/s%n", algorithm, best, total / RUNS);
    }
  }

  private static void read(byte[] content, Digest digest) throws IOException {
    byte[] buffer = new byte[BUFFER];
    try (VerifyingInputStream in =
        new VerifyingInputStream(
            new ByteArrayInputStream(content), digest, content.length, "throughput")) {
      while (in.read(buffer) != -1) {
        // discard
      }
      if (!in.verified()) {
        throw new IllegalStateException("not verified");
      }
    }
  }
}
