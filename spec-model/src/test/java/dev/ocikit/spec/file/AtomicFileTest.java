package dev.ocikit.spec.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the umask is learnt and what an atomic write leaves. The modes under chosen umasks are
 * checked in child JVMs by the cli's {@code UmaskTest}, one per writer.
 */
class AtomicFileTest {
  @TempDir Path tmp;

  private static String rwx(Set<PosixFilePermission> perms) {
    return PosixFilePermissions.toString(perms);
  }

  @Test
  void fileModeIsRwForAllMinusTheUmask() {
    assertEquals("rw-r--r--", rwx(Umask.fileMode(0022)));
    assertEquals("rw-------", rwx(Umask.fileMode(0077)));
    assertEquals("rw-rw-r--", rwx(Umask.fileMode(0002)));
    assertEquals("rw-rw-rw-", rwx(Umask.fileMode(0)));
    assertEquals("r--r-----", rwx(Umask.fileMode(0237)));
  }

  @Test
  void umaskLineOfAStatusFile() throws IOException {
    Path status = tmp.resolve("status");
    Files.writeString(status, "Name:\tjava\nUmask:\t0027\nState:\tS (sleeping)\n");
    assertEquals(027, Umask.fromProcStatus(status));
    Files.writeString(status, "Name:\tjava\nState:\tS (sleeping)\n"); // a kernel before 4.7
    assertNull(Umask.fromProcStatus(status));
    assertNull(Umask.fromProcStatus(tmp.resolve("no-proc")));
  }

  /** The two ways of learning the umask agree (the probe is the fallback without /proc). */
  @Test
  void procStatusAndProbeAgree() throws IOException {
    Integer fromProc = Umask.fromProcStatus(Path.of("/proc/self/status"));
    assertEquals(rwx(Umask.newFileMode(tmp)), rwx(Umask.fileMode(fromProc)));
    Path plain = Files.createFile(tmp.resolve("plain"));
    assertEquals(rwx(Files.getPosixFilePermissions(plain)), rwx(Umask.newFileMode(tmp)));
    try (Stream<Path> left = Files.list(tmp)) {
      assertEquals(List.of("plain"), left.map(p -> p.getFileName().toString()).toList());
    }
  }

  /** While it is written the file is the owner's alone, whatever the umask will give it. */
  @Test
  void halfWrittenFileIsPrivate() throws IOException {
    Path target = tmp.resolve("report.json");
    String[] seen = new String[1];
    AtomicFile.write(
        target,
        out -> {
          out.write("{".getBytes(StandardCharsets.UTF_8));
          out.flush();
          try (Stream<Path> files = Files.list(tmp)) {
            Path half = files.filter(p -> p.toString().endsWith(".tmp")).findFirst().orElseThrow();
            seen[0] = rwx(Files.getPosixFilePermissions(half));
          }
          out.write("}".getBytes(StandardCharsets.UTF_8));
        });
    assertEquals("rw-------", seen[0]);
    assertEquals("{}", Files.readString(target));
    assertEquals(rwx(Umask.newFileMode(tmp)), rwx(Files.getPosixFilePermissions(target)));
  }

  @Test
  void failedWriteKeepsTheOldFileAndNamesTheTarget() throws IOException {
    Path target = Files.writeString(tmp.resolve("report.json"), "old");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFile.write(
                    target,
                    out -> {
                      out.write('x');
                      throw new IOException("No space left on device");
                    }));
    assertEquals(target + ": No space left on device", IoErrors.describe(e));
    assertEquals("old", Files.readString(target));
    try (Stream<Path> left = Files.list(tmp)) {
      assertFalse(left.anyMatch(p -> p.toString().endsWith(".tmp")), "temporary file removed");
    }
  }
}
