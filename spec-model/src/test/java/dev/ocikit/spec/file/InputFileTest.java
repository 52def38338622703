package dev.ocikit.spec.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.spec.testing.SpecialFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one file reader refuses what is not a regular file before opening it, and stops at limits.
 */
class InputFileTest {
  @TempDir Path tmp;

  private FileKindException refused(Path p, FileKind expectedKind) {
    FileKindException e =
        SpecialFiles.withoutHanging(
            p, () -> assertThrows(FileKindException.class, () -> InputFile.read(p, 1 << 20)));
    assertEquals(expectedKind, e.kind());
    assertEquals(p + ": is " + expectedKind.words() + ", not a regular file", e.getMessage());
    return e;
  }

  @Test
  void aFifoIsRefusedWithoutWaitingForAWriter() throws Exception {
    refused(SpecialFiles.fifo(tmp, "fifo"), FileKind.FIFO);
  }

  @Test
  void devZeroIsRefusedInsteadOfReadForever() {
    refused(SpecialFiles.DEV_ZERO, FileKind.CHARACTER_DEVICE);
  }

  @Test
  void aSocketIsRefused() throws Exception {
    refused(SpecialFiles.socket(tmp, "sock"), FileKind.SOCKET);
  }

  @Test
  void aSymlinkIsJudgedByWhatItNames() throws Exception {
    Path fifo = SpecialFiles.fifo(tmp, "fifo");
    refused(SpecialFiles.link(tmp, "to-fifo", fifo), FileKind.FIFO);
    refused(SpecialFiles.link(tmp, "to-zero", SpecialFiles.DEV_ZERO), FileKind.CHARACTER_DEVICE);
    Path file = Files.writeString(tmp.resolve("file"), "hello");
    Path link = SpecialFiles.link(tmp, "to-file", file);
    assertArrayEquals("hello".getBytes(), InputFile.read(link, 10));
    FileKindException noFollow =
        assertThrows(
            FileKindException.class, () -> InputFile.read(link, 10, LinkOption.NOFOLLOW_LINKS));
    assertEquals(FileKind.SYMBOLIC_LINK, noFollow.kind());
  }

  @Test
  void aDirectoryIsNotAFileAndAFileIsNotADirectory() throws IOException {
    refused(tmp, FileKind.DIRECTORY);
    Path file = Files.writeString(tmp.resolve("f"), "x");
    FileKindException e =
        assertThrows(FileKindException.class, () -> InputFile.requireDirectory(file));
    assertEquals(file + ": is a regular file, not a directory", e.getMessage());
    InputFile.requireDirectory(tmp);
  }

  @Test
  void aMissingFileSaysSo() {
    Path missing = tmp.resolve("missing");
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> InputFile.read(missing, 10));
    assertEquals(missing + ": no such file or directory", IoErrors.describe(e));
  }

  @Test
  void readsUpToTheLimitAndRefusesOneByteMore() throws IOException {
    Path at = Files.write(tmp.resolve("at"), new byte[100]);
    assertEquals(100, InputFile.read(at, 100).length);
    Path over = Files.write(tmp.resolve("over"), new byte[101]);
    FileTooLargeException e =
        assertThrows(FileTooLargeException.class, () -> InputFile.read(over, 100));
    assertEquals(over + ": is larger than the limit of 100 bytes", e.getMessage());
  }

  @Test
  void aHugeSparseFileIsRefusedByItsSizeWithoutReadingIt() throws IOException {
    Path huge = SpecialFiles.sparse(tmp, "huge", 3L << 30);
    assertThrows(FileTooLargeException.class, () -> InputFile.read(huge, 64L << 20));
  }

  @Test
  void aStreamLongerThanItsStatSizeStillStopsAtTheLimit() throws IOException {
    // procfs reports size 0 and then delivers content; a file may also grow after the stat.
    InputStream grows = new ByteArrayInputStream(new byte[50_000]);
    assertThrows(
        FileTooLargeException.class, () -> InputFile.readAtMost(grows, 0, 20_000, "grows"));
    InputStream fits = new ByteArrayInputStream(new byte[20_000]);
    assertEquals(20_000, InputFile.readAtMost(fits, 10, 20_000, "fits").length);
    assertTrue(InputFile.read(Path.of("/proc/self/status"), 1 << 20).length > 0);
  }

  @Test
  void textLinesMustBeUtf8() throws IOException {
    Path text = Files.writeString(tmp.resolve("t"), "a\r\nb\nc", StandardCharsets.UTF_8);
    assertEquals(List.of("a", "b", "c"), InputFile.readLines(text, 100));
    Path latin1 = Files.write(tmp.resolve("l"), new byte[] {'a', (byte) 0xe9, '\n'});
    FileSystemException e =
        assertThrows(FileSystemException.class, () -> InputFile.readLines(latin1, 100));
    assertEquals(latin1 + ": is not UTF-8 text", e.getMessage());
  }

  @Test
  void failuresAreWordsNotClassNames() {
    String denied = IoErrors.describe(new AccessDeniedException("/x/config.json"));
    assertEquals("/x/config.json: permission denied", denied);
    assertEquals("unexpected end of file", IoErrors.describe(new java.io.EOFException()));
    assertFalse(IoErrors.describe(new NullPointerException()).contains("Exception"));
    assertTrue(IoErrors.refusedByHost(new IOException("wrapped", new AccessDeniedException("x"))));
    assertFalse(IoErrors.refusedByHost(new NoSuchFileException("x")));
  }
}
