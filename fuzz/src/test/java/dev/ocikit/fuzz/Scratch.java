package dev.ocikit.fuzz;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A fresh temporary directory for one input, removed with everything in it afterwards, never
 * following symbolic links. (Trees unpacked in rootless mode keep owner access to every directory,
 * so they can be removed without root.)
 */
final class Scratch implements AutoCloseable {
  private final Path dir;

  private Scratch(Path dir) {
    this.dir = dir;
  }

  /**
   * A new directory named after {@code target}, in memory ({@code /dev/shm}) where there is one:
   * removing a tree from a journaling disk filesystem costs more than the rest of an input.
   */
  static Scratch create(String target) throws IOException {
    Path shm = Path.of("/dev/shm");
    String prefix = "ocikit-fuzz-" + target + "-";
    return new Scratch(
        Files.isDirectory(shm) && Files.isWritable(shm)
            ? Files.createTempDirectory(shm, prefix)
            : Files.createTempDirectory(prefix));
  }

  Path dir() {
    return dir;
  }

  @Override
  public void close() throws IOException {
    remove(dir);
  }

  /** Removes {@code tree} if it exists, never following links. */
  static void remove(Path tree) throws IOException {
    if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        tree,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
            Files.delete(f);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
