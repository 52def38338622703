package dev.ocikit.image.tar;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.TarLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link TarReader#endMarkerMissing()}: a stream that stops after a complete entry (or inside its
 * padding, or before any entry) is told apart from one closed by its zero blocks.
 */
class TarEndMarkerTest {
  @Test
  void aMissingEndMarkerIsToldApartFromACompleteArchive() throws IOException {
    byte[] unclosed = RawTar.tar().file("a", "x").file("b", "hello").bytes();
    for (byte[] tar :
        List.of(unclosed, Arrays.copyOf(unclosed, unclosed.length - 507), new byte[0])) {
      TarReader r = new TarReader(new ByteArrayInputStream(tar), new TarBudget(TarLimits.DEFAULTS));
      while (r.next() != null) {
        r.body().readAllBytes();
      }
      assertTrue(r.endMarkerMissing(), tar.length + " bytes");
    }
    byte[] closed = RawTar.tar().file("a", "x").end().bytes();
    TarReader r =
        new TarReader(new ByteArrayInputStream(closed), new TarBudget(TarLimits.DEFAULTS));
    while (r.next() != null) {
      r.body().readAllBytes();
    }
    assertFalse(r.endMarkerMissing());
  }
}
