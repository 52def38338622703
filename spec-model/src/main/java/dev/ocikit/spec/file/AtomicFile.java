package dev.ocikit.spec.file;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a report or a generated file so that a reader sees the old file or the whole new one, and
 * so that it ends with the mode a plain create would have given ({@code 0666 & ~umask}, see {@link
 * Umask}): a CI collector running as another user can read it when the umask lets it.
 *
 * <p>The text goes to a sibling temporary file created {@code 0600} (nobody else can read it while
 * it is half-written), is synced, then gets the umask's mode and is renamed over the target. The
 * target's old mode is not kept: the result is what a new file would get. Deliberately private
 * trees (an unpacked rootfs, a bundle) do not use this.
 */
public final class AtomicFile {
  /** Writes the content to a stream it must not close. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes everything to {@code out} (flushing any wrapper of its own).
     *
     * @param out the stream to the temporary file
     * @throws IOException if writing fails
     */
    void write(OutputStream out) throws IOException;
  }

  private AtomicFile() {}

  /**
   * Writes {@code target} through {@code body} (its directory must exist). A failed write (a full
   * disk) names the target and leaves it as it was; no temporary file stays behind.
   *
   * @param target the file to write or replace
   * @param body what writes the content
   * @throws IOException if the write or the rename fails; {@code target} is then unchanged
   */
  public static void write(Path target, Body body) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    // createTempFile gives 0600 on a POSIX file system.
    Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        body.write(Channels.newOutputStream(ch));
        ch.force(true);
      } catch (FileSystemException e) {
        throw e;
      } catch (IOException e) {
        // A full disk says only "No space left on device": name the file it was for.
        throw new FileSystemException(target.toString(), null, IoErrors.describe(e));
      }
      if (tmp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.setPosixFilePermissions(tmp, Umask.newFileMode(dir));
      }
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
