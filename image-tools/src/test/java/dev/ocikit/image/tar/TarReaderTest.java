package dev.ocikit.image.tar;

import static dev.ocikit.image.tar.RawTar.header;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.TarLimits;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
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

/** The interpretation {@link TarReader} documents, one rule per test. */
class TarReaderTest {
  private static final String LONG = "deep/" + "d".repeat(120) + "/" + "é".repeat(70) + "/file";

  static List<TarEntry> read(byte[] tar) throws IOException {
    return read(tar, TarLimits.DEFAULTS);
  }

  static List<TarEntry> read(byte[] tar, TarLimits limits) throws IOException {
    TarReader r = new TarReader(new ByteArrayInputStream(tar), new TarBudget(limits));
    List<TarEntry> out = new ArrayList<>();
    for (TarEntry e; (e = r.next()) != null; ) {
      out.add(e);
    }
    return out;
  }

  static List<String> names(byte[] tar) throws IOException {
    return read(tar).stream().map(TarEntry::name).toList();
  }

  static <T extends Throwable> T refused(Class<T> type, byte[] tar, TarLimits limits) {
    return assertThrows(type, () -> read(tar, limits));
  }

  /** What commons-compress writes in each long-name and big-number mode. */
  private static byte[] commonsTar(int longFileMode, Random random) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      tar.setLongFileMode(longFileMode);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      tar.setAddPaxHeadersForNonAsciiNames(longFileMode == TarArchiveOutputStream.LONGFILE_POSIX);
      for (String n : List.of("a/", "a/small", LONG, "a/" + "p".repeat(99), "empty", "a/link")) {
        TarArchiveEntry e =
            n.endsWith("link")
                ? new TarArchiveEntry(n, TarArchiveEntry.LF_SYMLINK)
                : new TarArchiveEntry(n, true);
        if (e.isSymbolicLink()) {
          e.setLinkName("small");
        }
        e.setIds(1000 + n.length(), 2000);
        e.setMode(n.endsWith("/") ? 040755 : 0100640);
        byte[] body =
            new byte
                [n.equals("empty") || e.isDirectory() || e.isSymbolicLink()
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

  @ParameterizedTest
  @ValueSource(
      ints = {
        TarArchiveOutputStream.LONGFILE_POSIX,
        TarArchiveOutputStream.LONGFILE_GNU,
        TarArchiveOutputStream.LONGFILE_TRUNCATE
      })
  void entriesAgreeWithWhatCommonsCompressWrote(int longFileMode) throws IOException {
    byte[] tar = commonsTar(longFileMode, new Random(longFileMode));
    List<TarEntry> ours = read(tar);
    List<TarArchiveEntry> theirs = new ArrayList<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry e; (e = in.getNextEntry()) != null; ) {
        theirs.add(e);
      }
    }
    assertEquals(6, ours.size());
    for (int i = 0; i < ours.size(); i++) {
      TarEntry o = ours.get(i);
      TarArchiveEntry t = theirs.get(i);
      assertEquals(t.getName(), o.name());
      assertEquals(t.isFile() ? t.getSize() : 0, o.size(), o.name());
      assertEquals(t.getMode(), o.mode(), o.name());
      assertEquals(t.getLongUserId(), o.uid(), o.name());
      assertEquals(t.getLongGroupId(), o.gid(), o.name());
      assertEquals(t.getLastModifiedTime(), o.mtime(), o.name());
      assertEquals(t.isSymbolicLink() ? "small" : "", o.linkName(), o.name());
      assertEquals(t.isDirectory(), o.type() == TarEntry.Type.DIRECTORY, o.name());
    }
  }

  @Test
  void smallReadsAndBodiesGiveTheSameEntriesAndEveryByteIsRead() throws IOException {
    byte[] tar = commonsTar(TarArchiveOutputStream.LONGFILE_POSIX, new Random(7));
    byte[] trailing = Arrays.copyOf(tar, tar.length + 3000);
    trailing[trailing.length - 1] = 9;
    long[] read = {0};
    InputStream trickle =
        new ByteArrayInputStream(trailing) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, Math.min(len, 37));
            read[0] += Math.max(n, 0);
            return n;
          }
        };
    assertEquals(6, TarReader.readAll(trickle, TarLimits.DEFAULTS));
    assertEquals(trailing.length, read[0], "what follows the end marker is read too");
  }

  @Test
  void bodiesAreDeliveredExactly() throws IOException {
    byte[] big = new byte[300_000];
    new Random(5).nextBytes(big);
    byte[] tar =
        RawTar.tar()
            .add(header("big", '0', big.length))
            .body(big)
            .file("small", "xy")
            .end()
            .bytes();
    TarReader r = new TarReader(new ByteArrayInputStream(tar), new TarBudget(TarLimits.DEFAULTS));
    assertEquals("big", r.next().name());
    assertEquals(512, r.bodyOffset());
    assertArrayEquals(big, r.body().readAllBytes());
    assertEquals("small", r.next().name());
    assertEquals("xy", new String(r.body().readAllBytes(), StandardCharsets.US_ASCII));
    assertNull(r.next());
  }

  @Test
  void headerOnlyTypesHaveNoBodyWhateverTheirSizeSays() throws IOException {
    byte[] hidden = RawTar.tar().file("hidden", "").bytes();
    byte[] tar = new byte[0];
    for (char type : new char[] {'1', '2', '3', '4', '5', '6'}) {
      tar =
          concat(
              tar,
              RawTar.tar()
                  .add(header("t" + type, type, hidden.length).link("x"))
                  .raw(hidden)
                  .bytes());
    }
    List<String> names = names(concat(tar, new byte[1024]));
    assertEquals(
        List.of(
            "t1", "hidden", "t2", "hidden", "t3", "hidden", "t4", "hidden", "t5", "hidden", "t6",
            "hidden"),
        names);
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void checksumsMustMatchEitherSum() throws IOException {
    byte[] bad =
        RawTar.tar().file("ok", "x").add(header("bad", '0', 0).wrongChecksum()).end().bytes();
    TarFormatException e = refused(TarFormatException.class, bad, TarLimits.DEFAULTS);
    assertEquals("the entry after \"ok\"", e.where());
    assertTrue(e.problem().contains("checksum is 12345 but the header sums to"), e.problem());
    // The signed sum (old Sun tar) is accepted too: a name byte above 0x7f makes them differ.
    byte[] tar = RawTar.tar().add(header(new byte[] {'a', (byte) 0xe9}, '0', 0)).end().bytes();
    long signed = 0;
    for (int i = 0; i < 512; i++) {
      signed += i >= 148 && i < 156 ? ' ' : tar[i];
    }
    byte[] field = String.format("%06o\0 ", signed).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(field, 0, tar, 148, 8);
    assertEquals(1, read(tar).size());
  }

  @Test
  void truncationsAreRefusedAndACleanEndWithoutMarkerIsNot() throws IOException {
    byte[] tar = RawTar.tar().file("a", "x".repeat(2000)).end().bytes();
    assertTrue(
        refused(TarFormatException.class, Arrays.copyOf(tar, 1024), TarLimits.DEFAULTS)
            .getMessage()
            .startsWith("entry \"a\": the stream ends inside the entry, 1488 bytes short"));
    assertTrue(
        refused(TarFormatException.class, Arrays.copyOf(tar, 300), TarLimits.DEFAULTS)
            .getMessage()
            .contains("ends inside a 512-byte header"));
    assertEquals(List.of("a"), names(Arrays.copyOf(tar, 512 * 5)));
    byte[] dangling = RawTar.tar().file("a", "").pax('x', "path=b").bytes();
    assertTrue(
        refused(TarFormatException.class, dangling, TarLimits.DEFAULTS)
            .getMessage()
            .contains("ends after an extended header, before its entry"));
  }

  @Test
  void localPaxRecordsLastWinsAndApplyToOneEntry() throws IOException {
    byte[] tar =
        RawTar.tar()
            .pax('x', "path=first", "path=second", "uid=7", "mtime=1700000000.123456789")
            .file("ustar-name", "")
            .file("plain", "")
            .end()
            .bytes();
    List<TarEntry> es = read(tar);
    assertEquals("second", es.get(0).name());
    assertEquals(7, es.get(0).uid());
    assertEquals(
        FileTime.from(Instant.ofEpochSecond(1_700_000_000L, 123_456_789)), es.get(0).mtime());
    assertEquals("plain", es.get(1).name());
    assertEquals(0, es.get(1).uid());
  }

  @Test
  void globalRecordsApplyUntilReplacedAndLocalOnesWin() throws IOException {
    byte[] tar =
        RawTar.tar()
            .pax('g', "uid=5", "uname=gl")
            .file("a", "")
            .pax('x', "uid=6")
            .file("b", "")
            .pax('x', "uid=")
            .file("c", "")
            .pax('g', "uid=")
            .file("d", "")
            .end()
            .bytes();
    List<TarEntry> es = read(tar);
    assertEquals(List.of(5L, 6L, 0L, 0L), es.stream().map(TarEntry::uid).toList());
    assertEquals("gl", es.get(3).uname());
  }

  @Test
  void aGlobalSizeAppliesToEveryFollowingEntry() throws IOException {
    byte[] inner = RawTar.tar().file("inner", "").bytes();
    byte[] tar =
        RawTar.tar()
            .pax('g', "size=0")
            .add(header("outer", '0', inner.length))
            .raw(inner)
            .end()
            .bytes();
    assertEquals(List.of("outer", "inner"), names(tar));
  }

  @Test
  void sizeRecordsNeverApplyToAnotherExtendedHeader() throws IOException {
    byte[] tar =
        RawTar.tar()
            .pax('x', "size=4096")
            .pax('x', "path=p")
            .add(header("f", '0', 3))
            .body(new byte[4096])
            .end()
            .bytes();
    List<TarEntry> es = read(tar);
    assertEquals("p", es.get(0).name());
    assertEquals(4096, es.get(0).size());
  }

  @Test
  void namePrecedenceLocalPaxThenGnuThenGlobalThenHeader() throws IOException {
    byte[] tar =
        RawTar.tar()
            .pax('g', "path=global")
            .gnuLong('L', "gnu")
            .pax('x', "path=local")
            .file("header", "")
            .gnuLong('L', "gnu2")
            .file("header", "")
            .file("header", "")
            .add(header("n", '0', 0).prefix("pre/fix"))
            .end()
            .bytes();
    assertEquals(List.of("local", "gnu2", "global", "global"), names(tar));
    byte[] ustar = RawTar.tar().add(header("n", '0', 0).prefix("pre/fix")).end().bytes();
    assertEquals(List.of("pre/fix/n"), names(ustar));
    byte[] gnu = RawTar.tar().add(header("n", '0', 0).prefix("ignored").gnu()).end().bytes();
    assertEquals(List.of("n"), names(gnu));
  }

  @Test
  void gnuLongLinksAndBase256SizesAndDevices() throws IOException {
    byte[] tar =
        RawTar.tar()
            .gnuLong('K', "t".repeat(300))
            .add(header("l", '2', 0).link("short"))
            .add(header("b", '0', 0).base256Size(3))
            .body("xyz".getBytes(StandardCharsets.US_ASCII))
            .add(header("dev", '3', 0).device(1, 3))
            .add(header("old-dir/", '\0', 0))
            .end()
            .bytes();
    List<TarEntry> es = read(tar);
    assertEquals("t".repeat(300), es.get(0).linkName());
    assertEquals(3, es.get(1).size());
    assertEquals(1, es.get(2).devMajor());
    assertEquals(3, es.get(2).devMinor());
    assertEquals(TarEntry.Type.DIRECTORY, es.get(3).type());
  }

  @Test
  void xattrValuesKeepTheirBytes() throws IOException {
    byte[] value = {0, (byte) 0xff, 1};
    ByteArrayOutputStream kv = new ByteArrayOutputStream();
    kv.writeBytes("SCHILY.xattr.security.capability=".getBytes(StandardCharsets.US_ASCII));
    kv.writeBytes(value);
    byte[] tar =
        RawTar.tar().paxBody('x', RawTar.record(kv.toByteArray())).file("f", "").end().bytes();
    assertArrayEquals(value, read(tar).get(0).xattrs().get("security.capability"));
  }

  @Test
  void namesThatAreNotUtf8StayDistinctAndLossless() throws IOException {
    byte[] fe = {'r', (byte) 0xff, (byte) 0xfe};
    byte[] fd = {'r', (byte) 0xff, (byte) 0xfd};
    byte[] tar = RawTar.tar().add(header(fe, '0', 0)).add(header(fd, '0', 0)).end().bytes();
    List<TarEntry> es = read(tar);
    assertTrue(!es.get(0).name().equals(es.get(1).name()));
    assertTrue(!es.get(0).isUtf8());
    assertArrayEquals(fe, es.get(0).rawName());
    assertArrayEquals(fe, TarText.bytes(es.get(0).name()));
    assertTrue(es.get(0).name().indexOf('\uFFFD') < 0);
    String mixed = "é😀\uFFFD"; // a real replacement character is valid UTF-8 too
    assertEquals(mixed, TarText.decode(mixed.getBytes(StandardCharsets.UTF_8)));
    assertTrue(TarText.isUtf8(mixed));
  }
}
