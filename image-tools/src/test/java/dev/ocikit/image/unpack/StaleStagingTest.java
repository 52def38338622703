package dev.ocikit.image.unpack;

import static dev.ocikit.image.unpack.TarBuilder.tar;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ocikit.image.UnpackOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What killed unpacks leave in a destination: the next unpack removes a staging tree whose lock
 * nobody holds, and only names one whose lock another live process holds, one without a lock file
 * and one that is not private.
 */
class StaleStagingTest {
  @TempDir Path dest;

  private Path leftover(String name, String mode, boolean lock) throws IOException {
    Path tree = Files.createDirectory(dest.resolve(name));
    Files.createDirectories(tree.resolve("usr/bin"));
    Files.writeString(tree.resolve("usr/bin/tool"), "partial");
    Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString(mode));
    if (lock) {
      Files.createFile(dest.resolve(name + ".lock"));
    }
    return tree;
  }

  /** Another process that holds an fcntl lock on {@code file} until its input is closed. */
  private Process holdLock(Path file) throws IOException {
    Path src =
        Files.writeString(
            dest.getParent().resolve("Hold" + ProcessHandle.current().pid() + ".java"),
            "import java.nio.channels.FileChannel;\n"
                + "import java.nio.file.*;\n"
                + "public class Hold { public static void main(String[] a) throws Exception {\n"
                + "  try (FileChannel c = FileChannel.open(Path.of(a[0]), StandardOpenOption.WRITE)) {\n"
                + "    c.lock(); System.out.println(\"locked\"); System.out.flush(); System.in.read();\n"
                + "  } } }\n");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, src.toString(), file.toString()).start();
  }

  @Test
  void nextUnpackRemovesWhatDeadUnpacksLeftAndNamesTheRest() throws Exception {
    Files.setPosixFilePermissions(dest, PosixFilePermissions.fromString("rwx------"));
    Path dead = leftover(".rootfs-1", "rwx------", true);
    Files.writeString(dest.resolve(".rootfs-1.config.json"), "{}");
    Path running = leftover(".rootfs-2", "rwx------", true);
    Path unlocked = leftover(".rootfs-3", "rwx------", false);
    Path opened = leftover(".rootfs-4", "rwxr-xr-x", true);
    Process holder = holdLock(dest.resolve(".rootfs-2.lock"));
    try {
      BufferedReader r =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertEquals("locked", r.readLine(), "the other process holds the lock");

      UnpackResult u =
          LayerApplier.unpack(
              List.of(tar().file("a", "a").layer()), dest, UnpackOptions.defaults());

      assertEquals(
          List.of(
              "removed " + dead + ", left by an unpack that was killed",
              "left "
                  + running
                  + " alone: the unpack holding "
                  + dest.resolve(".rootfs-2.lock")
                  + " is still running",
              "left "
                  + unlocked
                  + " alone: it has no lock file, so it cannot be told from an unpack still"
                  + " running; remove it by hand once no unpack into "
                  + dest
                  + " runs",
              "left "
                  + opened
                  + " alone: it is not private (mode 0755, owner uid "
                  + Files.getAttribute(opened, "unix:uid")
                  + "), so another user may have been inside; remove it by hand"),
          u.warnings());
      try (Stream<Path> s = Files.list(dest)) {
        assertEquals(
            List.of(
                ".rootfs-2",
                ".rootfs-2.lock",
                ".rootfs-3",
                ".rootfs-4",
                ".rootfs-4.lock",
                "rootfs"),
            s.map(p -> p.getFileName().toString()).sorted().toList());
      }
      assertEquals("partial", Files.readString(running.resolve("usr/bin/tool")));
    } finally {
      holder.getOutputStream().close();
      assertTrue(holder.waitFor(1, TimeUnit.MINUTES));
    }
  }
}
