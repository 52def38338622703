package dev.ocikit.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.fuzz.Sections.Section;
import dev.ocikit.image.UnpackException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fuzz harness itself: its input containers and its oracles must be able to fail. */
class HarnessTest {
  @TempDir Path tmp;

  @Test
  void sectionsSurviveJoinAndParse() {
    List<Section> sections =
        List.of(
            new Section("blob", "", new byte[] {0, '\n', (byte) 0xff, '=', '\n'}),
            new Section("oci-layout", "", new byte[0]),
            new Section("blob", "x:y", "{}\n".getBytes(UTF_8)));
    List<Section> back = Sections.parse(Sections.join(sections));
    assertEquals(3, back.size());
    for (int i = 0; i < 3; i++) {
      assertEquals(sections.get(i).name(), back.get(i).name());
      assertEquals(sections.get(i).argument(), back.get(i).argument());
      assertArrayEquals(sections.get(i).content(), back.get(i).content());
    }
    assertEquals(
        List.of("a"),
        Sections.parse("junk\n=== a\n".getBytes(UTF_8)).stream().map(Section::name).toList());
  }

  @Test
  void layoutPlaceholdersNameRealBlobsAndUnsafeNamesAreNotWritten() throws IOException {
    String input =
        """
        === index.json
        {"digest":"<<D0>>","size":<<S0>>,"missing":"<<D5>>"}
        === blob
        {"next":"<<D1>>"}
        === blob
        last
        === blob x:named
        named <<S1>>
        === blob ../up:x
        never
        """;
    Path dir = Files.createDirectory(tmp.resolve("layout"));
    LayoutInput.write(Sections.parse(input.strip().getBytes(UTF_8)), dir);
    String last = LayoutInput.digestOf("last".getBytes(UTF_8));
    byte[] first = ("{\"next\":\"" + last + "\"}").getBytes(UTF_8);
    String index = Files.readString(dir.resolve("index.json"));
    assertTrue(index.contains(LayoutInput.digestOf(first) + "\",\"size\":" + first.length), index);
    String missing = index.replaceAll(".*\"missing\":\"sha256:([0-9a-f]+)\".*", "$1");
    assertFalse(Files.exists(dir.resolve("blobs/sha256/" + missing)));
    assertArrayEquals(
        first,
        Files.readAllBytes(
            dir.resolve("blobs/sha256/" + LayoutInput.digestOf(first).substring(7))));
    assertEquals("named 4", Files.readString(dir.resolve("blobs/x/named")));
    try (Stream<Path> all = Files.walk(tmp)) {
      assertTrue(all.noneMatch(p -> p.toString().contains("up")));
    }
  }

  @Test
  void rootfsSectionsStayInsideTheRoot() throws IOException {
    Path root = Files.createDirectory(tmp.resolve("root"));
    String input =
        """
        === symlink up
        ..
        === file up/escaped
        x
        === file ../escaped
        x
        === file etc/passwd
        root:x:0:0::/:/bin/sh
        """;
    RootfsInput.write(Sections.parse(input.strip().getBytes(UTF_8)), root);
    assertFalse(Files.exists(tmp.resolve("escaped")));
    assertEquals("root:x:0:0::/:/bin/sh", Files.readString(root.resolve("etc/passwd")));
  }

  @Test
  void outsideNoticesAChangedSentinelAndANewNeighbour() throws IOException {
    Files.createDirectory(tmp.resolve("root"));
    Outside.around(tmp).assertUntouched("nothing");

    Outside outside = Outside.around(tmp);
    Files.writeString(tmp.resolve("sentinel/passwd"), "changed");
    assertThrows(AssertionError.class, () -> outside.assertUntouched("a write"));

    Outside again = Outside.around(tmp);
    Files.createDirectory(tmp.resolve("neighbour"));
    assertThrows(AssertionError.class, () -> again.assertUntouched("a mkdir"));
  }

  @Test
  void documentedRefusalsPassAndEverythingElseIsAFinding() throws Exception {
    assertNull(
        Documented.orRefused(() -> fail(new IOException("bad input")), List.of(IOException.class)));
    assertEquals("ok", Documented.orRefused(() -> "ok", List.of(IOException.class)));
    NullPointerException npe = new NullPointerException();
    assertSame(
        npe,
        assertThrows(
            NullPointerException.class,
            () -> Documented.orRefused(() -> fail(npe), List.of(IOException.class))));
    assertThrows(
        AssertionError.class,
        () -> Documented.orRefused(() -> fail(new IOException()), List.of(IOException.class)));

    // A documented exception that wraps a JDK runtime exception raised in our code hides a bug...
    NullPointerException ours = new NullPointerException("x");
    ours.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement("java.util.Objects", "requireNonNull", null, 1),
          new StackTraceElement("dev.ocikit.image.unpack.EntryWriter", "write", null, 1)
        });
    UnpackException wrapped = new UnpackException("entry \"a\": " + ours, ours);
    assertSame(
        wrapped,
        assertThrows(
            UnpackException.class,
            () -> Documented.orRefused(() -> fail(wrapped), List.of(UnpackException.class))));
    // ...but one raised in a library we call (the tar reader) is that library's way to refuse.
    NullPointerException theirs = new NullPointerException("y");
    theirs.setStackTrace(
        new StackTraceElement[] {
          new StackTraceElement(
              "org.apache.commons.compress.archivers.tar.TarUtils", "parse", null, 1)
        });
    assertNull(
        Documented.orRefused(
            () -> fail(new UnpackException("corrupt", theirs)), List.of(UnpackException.class)));
  }

  private static <T> T fail(Exception e) throws Exception {
    throw e;
  }
}
