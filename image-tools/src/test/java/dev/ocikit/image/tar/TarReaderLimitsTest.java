package dev.ocikit.image.tar;

import static dev.ocikit.image.tar.RawTar.header;
import static dev.ocikit.image.tar.TarReaderTest.concat;
import static dev.ocikit.image.tar.TarReaderTest.read;
import static dev.ocikit.image.tar.TarReaderTest.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.TarLimits;
import org.junit.jupiter.api.Test;

/**
 * What {@link TarReader} refuses from headers alone, before reading what they announce: sparse
 * entries and every limit, each naming the entry it stopped at.
 */
class TarReaderLimitsTest {
  @Test
  void sparseEntriesAreRefusedFromTheirHeader() {
    byte[] gnu = RawTar.tar().add(header("s", 'S', 1 << 30)).bytes();
    assertTrue(
        assertThrows(SparseEntryException.class, () -> read(gnu))
            .getMessage()
            .equals("entry \"s\": a sparse file (GNU type 'S') is not supported"));
    byte[] pax = RawTar.tar().pax('g', "GNU.sparse.major=1").file("f", "").bytes();
    assertThrows(SparseEntryException.class, () -> read(pax));
  }

  @Test
  void extendedHeadersAreCheckedBeforeTheyAreRead() {
    // Nothing but the header block: a reader that buffered first would fail on the short stream.
    byte[] pax = RawTar.tar().file("a", "").add(header("PaxHeaders/a", 'x', 5000)).bytes();
    TarLimitException e =
        refused(TarLimitException.class, pax, TarLimits.DEFAULTS.withMaxPaxHeaderSize(4096));
    assertEquals(
        "the entry after \"a\": limit maxPaxHeaderSize=4096 exceeded: a PAX header of 5000 bytes",
        e.getMessage());
    byte[] gnu = RawTar.tar().add(header("././@LongLink", 'L', 102).gnu()).bytes();
    assertEquals(
        "maxPathLength",
        refused(TarLimitException.class, gnu, TarLimits.DEFAULTS.withMaxPathLength(100)).limit());
    byte[] many = new byte[0];
    for (int i = 0; i < 10; i++) {
      many =
          concat(
              many,
              RawTar.tar().pax('g', "SCHILY.xattr.user.k" + i + "=" + "v".repeat(1000)).bytes());
    }
    assertTrue(
        refused(TarLimitException.class, many, TarLimits.DEFAULTS.withMaxPaxHeaderSize(4096))
            .getMessage()
            .contains("global PAX records hold"));
  }

  @Test
  void perEntryLimitsNameTheEntry() {
    byte[] longName = RawTar.tar().pax('x', "path=" + "n".repeat(200)).file("f", "").end().bytes();
    assertTrue(
        refused(TarLimitException.class, longName, TarLimits.DEFAULTS.withMaxPathLength(100))
            .getMessage()
            .endsWith("limit maxPathLength=100 exceeded: the name is 200 bytes"));
    byte[] three = RawTar.tar().file("a", "").file("b", "").file("c", "").end().bytes();
    assertEquals(
        "entry \"c\": limit maxEntries=2 exceeded: more than 2 entries",
        refused(TarLimitException.class, three, TarLimits.DEFAULTS.withMaxEntries(2)).getMessage());
  }

  @Test
  void theTotalNamesTheEntryBeingReadWhenItIsPassed() {
    byte[] tar = RawTar.tar().file("small", "s").file("big", "b".repeat(100_000)).end().bytes();
    TarLimitException e =
        refused(TarLimitException.class, tar, TarLimits.DEFAULTS.withMaxTotalBytes(50_000));
    assertEquals(
        "entry \"big\": limit maxTotalBytes=50000 exceeded: layers expand to more than 50000"
            + " bytes",
        e.getMessage());
  }
}
