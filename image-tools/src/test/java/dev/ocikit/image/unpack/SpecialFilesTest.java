package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FIFOs and device nodes are made, and their times and xattrs set, by C library calls: no process
 * per entry, and exact modes, owners, device numbers, times and xattrs. Where JNA cannot load, the
 * commands stand in and give the same tree.
 */
class SpecialFilesTest {
  @TempDir Path dir;

  private static final byte[] TYPES = {
    TarConstants.LF_FIFO, TarConstants.LF_CHR, TarConstants.LF_BLK
  };

  /** {@code count} nodes of every type with assorted modes, owners, times and xattrs. */
  private static TarBuilder nodes(int count, boolean xattrs) {
    TarBuilder t = tar().dir("n", 0755);
    for (int i = 0; i < count; i++) {
      t.node("n/" + i, TYPES[i % 3], i % 300, i, (i * 0421) & 07777);
      t.owner(i % 5 == 0 ? 0 : 1000 + i % 3, i % 7 == 0 ? 0 : 100);
      t.at(time(i));
      if (xattrs && i % 4 == 0) {
        t.xattr("trusted.n", "v" + i);
      }
    }
    return t;
  }

  /** Ordinary, sub-microsecond and past-2262 times. */
  private static Instant time(int i) {
    return Instant.ofEpochSecond(i % 2 == 0 ? 1_000_000_000L + i : 10_000_000_000L + i, i * 100L);
  }

  private Path unpack(String name, TarBuilder layer, Syscalls calls) throws IOException {
    Path root = Files.createDirectory(dir.resolve(name)).toRealPath();
    UnpackResult r =
        LayerApplier.apply(
            List.of(layer.layer()), root, UnpackOptions.defaults(), new HostRootFs(root, calls));
    assertEquals(List.of(), r.warnings());
    return root;
  }

  @Test
  void manyFifosAndDevicesWithoutAChildProcess() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: device nodes, owners, trusted.* xattrs");
    assumeTrue(Libc.unavailable() == null, "JNA cannot load here: " + Libc.unavailable());
    long processes = Commands.started();
    Path root = unpack("native", nodes(1000, true), Syscalls.HOST);
    assertEquals(processes, Commands.started(), "processes started for 1000 special files");
    SortedMap<String, TreeSnapshot.Node> tree = TreeSnapshot.full(root);
    for (int i = 0; i < 1000; i++) {
      TreeSnapshot.Node n = tree.get("n/" + i);
      int type = new int[] {0010000, 0020000, 0060000}[i % 3];
      assertEquals(type | ((i * 0421) & 07777), n.mode(), "mode of n/" + i);
      assertEquals(i % 5 == 0 ? 0 : 1000 + i % 3, n.uid(), "uid of n/" + i);
      assertEquals(type == 0010000 ? 0 : Libc.makedev(i % 300, i), n.rdev(), "rdev of n/" + i);
      assertEquals(time(i), n.mtime(), "mtime of n/" + i);
      assertEquals(i % 4 == 0 ? Map.of("trusted.n", "v" + i) : Map.of(), n.xattrs(), "n/" + i);
    }
  }

  @Test
  void theCommandsGiveTheSameTreeWhereJnaCannotLoad() throws IOException {
    assumeTrue(EntryFidelityTest.isRoot(), "needs root: device nodes and owners");
    Path reference = unpack("native", nodes(12, false), Syscalls.HOST);
    long processes = Commands.started();
    Path viaCommands = unpack("commands", nodes(12, false), new CommandSyscalls());
    assertTrue(Commands.started() > processes, "the commands ran");
    // Both roots are directories made by the test, with times of their own.
    assertEquals(
        TreeSnapshot.full(reference.resolve("n")), TreeSnapshot.full(viaCommands.resolve("n")));
  }

  @Test
  void failuresCarryErrno() throws IOException {
    assumeTrue(Libc.unavailable() == null, "JNA cannot load here: " + Libc.unavailable());
    LibcSyscalls calls = new LibcSyscalls();
    Path fifo = dir.resolve("p");
    calls.mknod(fifo, RootFs.NodeType.FIFO, 0600, 0, 0);
    FileAlreadyExistsException taken =
        assertThrows(
            FileAlreadyExistsException.class,
            () -> calls.mknod(fifo, RootFs.NodeType.FIFO, 0600, 0, 0));
    assertEquals("mknod failed: File exists (errno 17)", taken.getReason());
    NoSuchFileException missing =
        assertThrows(
            NoSuchFileException.class,
            () -> calls.setXattr(dir.resolve("gone"), "user.x", new byte[1], RootFs.Kind.REGULAR));
    assertEquals(
        "lsetxattr user.x failed: No such file or directory (errno 2)", missing.getReason());
  }

  /** Unpacks a FIFO into {@code args[0]} and prints the warnings: run where JNA cannot load. */
  public static void main(String[] args) throws IOException {
    UnpackResult r =
        LayerApplier.apply(
            List.of(tar().node("p", TarConstants.LF_FIFO, 0, 0, 0640).layer()),
            Path.of(args[0]),
            UnpackOptions.defaults());
    r.warnings().forEach(System.out::println);
  }

  @Test
  void withoutJnaTheCommandsStandInAndSaySoOnce() throws Exception {
    Path root = Files.createDirectory(dir.resolve("nojna"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                java,
                "-Djna.nosys=true", // neither a system libjnidispatch
                "-Djna.nounpack=true", // nor the one in JNA's jar
                "-cp",
                System.getProperty("java.class.path") + File.pathSeparator + classes(),
                SpecialFilesTest.class.getName(),
                root.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertEquals(1, out.split("native calls unavailable", -1).length - 1, out);
    assertEquals(010640, Files.getAttribute(root.resolve("p"), "unix:mode"));
    assertEquals(TarBuilder.MTIME.toInstant(), NativeStat.mtime(root.resolve("p")));
  }

  /** Where this test class was loaded from (surefire may hand its JVM a manifest-only jar). */
  private static String classes() throws Exception {
    return Path.of(
            SpecialFilesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .toString();
  }
}
